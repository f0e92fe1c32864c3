package fr.guichet.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MailboxPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLocalMailboxAnswersThisMachineOnly() throws Exception {
        mvc.perform(get("/dev/mailbox")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Boîte aux lettres locale")));
        mvc.perform(get("/dev/mailbox").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isNotFound());
    }
}
