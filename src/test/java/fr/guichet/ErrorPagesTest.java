package fr.guichet;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What a person sees when something is missing or malformed: a page in his language, no trace. */
@IntegrationTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    Visitor member;

    @BeforeEach
    void signedIn() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Perrin", "Chloé", null, false, People.GOOD_PASSWORD);
        member = new Visitor(mvc);
        member.perform(post("/connexion").with(csrf()).param("email", email).param("password", People.GOOD_PASSWORD));
    }

    @Test
    void somethingMissingIsA404PageInFrenchOrEnglish() throws Exception {
        member.perform(post("/compte/jetons/424242424/revocation").with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Page introuvable")))
                .andExpect(content().string(Matchers.containsString("<html lang=\"fr\"")));
        member.perform(post("/compte/jetons/424242424/revocation").with(csrf()).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Page not found")));
    }

    @Test
    void aMalformedRequestIsA400PageWithoutTrace() throws Exception {
        member.perform(post("/compte/jetons/not-a-number/revocation")
                        .with(csrf())
                        .param("lang", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Requête incorrecte")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("NumberFormat"))));
    }

    @Test
    void aRefusalIsA403Page() throws Exception {
        member.perform(MockMvcRequestBuilders.get("/actuator/prometheus")).andExpect(status().isForbidden());
    }
}
