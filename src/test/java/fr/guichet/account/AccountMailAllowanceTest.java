package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Account e-mails a stranger can have sent to someone's address: three of a kind per address in
 * fifteen minutes, then nothing is sent and the link already sent keeps working, while the page
 * answers exactly as before.
 */
@IntegrationTest
class AccountMailAllowanceTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void askingForResetLinksAgainAndAgainNeitherFloodsTheMailboxNorKillsTheLastLink() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        var answered = requestReset(email);
        requestReset(email);
        requestReset(email);
        var third = Mails.link(Mails.nth(greenMail, email, 3));

        var fourth = requestReset(email);

        assertThat(fourth.getResponse().getStatus())
                .isEqualTo(answered.getResponse().getStatus());
        assertThat(strip(fourth)).isEqualTo(strip(answered));
        assertThat(sentTo(email)).isEqualTo(3);
        assertThat(Mails.to(greenMail, email)).hasSize(3);
        assertThat(page(get(third))).contains("Choisissez un nouveau mot de passe");

        clock.advance(Duration.ofMinutes(16));
        requestReset(email);
        assertThat(Mails.nth(greenMail, email, 4).getSubject())
                .isEqualTo("Guichet : choisissez un nouveau mot de passe");
    }

    @Test
    void registeringSomeonesAddressAgainAndAgainCannotKillHisVerificationLink() throws Exception {
        var email = People.uniqueEmail();
        var answered = register(email);
        register(email);
        register(email);
        var third = Mails.link(Mails.nth(greenMail, email, 3));

        var fourth = register(email);

        assertThat(fourth.getResponse().getRedirectedUrl())
                .isEqualTo(answered.getResponse().getRedirectedUrl());
        assertThat(sentTo(email)).isEqualTo(3);
        mvc.perform(post("/activation")
                        .with(csrf())
                        .param("jeton", third.substring(third.indexOf('=') + 1))
                        .param("password", GOOD_PASSWORD)
                        .param("confirmation", GOOD_PASSWORD))
                .andExpect(redirectedUrl("/connexion?active"));
    }

    @Test
    void registeringAKnownAddressAgainAndAgainSendsItsOwnerThreeRemindersAtMost() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);

        for (int i = 0; i < 5; i++) {
            register(email);
        }

        assertThat(Mails.nth(greenMail, email, 3).getSubject())
                .isEqualTo(Mails.nth(greenMail, email, 1).getSubject());
        assertThat(sentTo(email)).isEqualTo(3);
    }

    @Test
    void proposingAnAddressForAnAccountAgainAndAgainSendsItThreeLinksAtMostAndTheLastStillWorks() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        var me = Visitor.signedIn(mvc, email);
        var wanted = People.uniqueEmail();

        for (int i = 0; i < 4; i++) {
            me.perform(post("/compte/email")
                            .with(csrf())
                            .param("email", wanted)
                            .param("currentPassword", GOOD_PASSWORD))
                    .andExpect(redirectedUrl("/compte/identifiants"));
        }

        assertThat(sentTo(wanted)).isEqualTo(3);
        var third = Mails.link(Mails.nth(greenMail, wanted, 3));
        assertThat(page(get(third))).contains("Votre adresse de connexion a changé");
        var elsewhere = People.uniqueEmail();
        me.perform(
                post("/compte/email").with(csrf()).param("email", elsewhere).param("currentPassword", GOOD_PASSWORD));
        assertThat(sentTo(elsewhere))
                .as("another address has its own allowance")
                .isEqualTo(1);
    }

    private MvcResult requestReset(String email) throws Exception {
        return mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email))
                .andReturn();
    }

    private MvcResult register(String email) throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement").with(csrf()).param("establishment", "none"));
        return visitor.perform(post("/inscription/coordonnees")
                        .with(csrf())
                        .param("civility", "MADAME")
                        .param("lastName", "Fabre")
                        .param("firstName", "Léa"))
                .andReturn();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** What went into the outbox for this address: written in the request's transaction, so exact. */
    private long sentTo(String email) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Long.class, email);
    }

    /** The pages differ only by their CSRF token. */
    private static String strip(MvcResult result) throws Exception {
        return result.getResponse()
                .getContentAsString()
                .replaceAll("content=\"[^\"]*\"", "")
                .replaceAll("value=\"[^\"]*\"", "");
    }
}
