package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MailboxPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLocalMailboxAnswersThisMachineOnly() throws Exception {
        mvc.perform(get("/dev/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Boîte aux lettres locale")));
        mvc.perform(get("/dev/mailbox").with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                }))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMailIsDatedInTheAgencysTimeZoneAndTheReadersLanguage() throws Exception {
        var recipient = People.uniqueEmail();
        // 14:04 UTC is 15:04 in Paris in December
        jdbc.sql("""
                insert into outbox_message (message_id, recipient, subject, body, status, next_attempt_at, created_at, sent_at)
                values (?, ?, 'Sujet', 'Corps', 'SENT', ?, ?, ?)""")
                .params(
                        "<" + UUID.randomUUID() + "@test>",
                        recipient,
                        at("2026-12-06T14:04:00Z"),
                        at("2026-12-06T14:04:00Z"),
                        at("2026-12-06T14:04:05Z"))
                .update();

        assertThat(dateOfMailTo(recipient, "fr")).isEqualTo("6 décembre 2026 à 15:04");
        assertThat(dateOfMailTo(recipient, "en")).isEqualTo("6 December 2026 at 15:04");
    }

    private String dateOfMailTo(String recipient, String language) throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/dev/mailbox").param("lang", language))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var mail = page.select("[data-testid=mail]").stream()
                .filter(m -> m.select("[data-testid=mail-to]").text().equals(recipient))
                .findFirst()
                .orElseThrow();
        var date = mail.selectFirst("time");
        assertThat(Instant.parse(date.attr("datetime"))).isEqualTo(Instant.parse("2026-12-06T14:04:00Z"));
        return date.text();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
