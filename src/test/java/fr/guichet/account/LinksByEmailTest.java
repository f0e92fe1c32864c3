package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.security.Secrets;
import fr.guichet.account.security.SignInTest;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Verification and reset links: single use, expiring, killed by a newer one, stored hashed. */
@IntegrationTest
class LinksByEmailTest {

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
    void aVerificationLinkWorksOnce() throws Exception {
        var email = People.uniqueEmail();
        var link = registerExternal(email, 1);
        var token = link.substring(link.indexOf('=') + 1);

        activate(token).andExpect(redirectedUrl("/connexion?active"));

        activate(token).andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));
        mvc.perform(get(link)).andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));
    }

    @Test
    void aVerificationLinkExpires() throws Exception {
        var email = People.uniqueEmail();
        var link = registerExternal(email, 1);

        clock.advance(Duration.ofHours(25));

        mvc.perform(get(link)).andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));
    }

    @Test
    void onlyTheHashOfALinkIsStored() throws Exception {
        var email = People.uniqueEmail();
        var link = registerExternal(email, 1);
        var token = link.substring(link.indexOf('=') + 1);

        var stored = jdbc.queryForList("select token_hash from link_token", String.class);
        assertThat(stored).doesNotContain(token).contains(Secrets.hash(token));
    }

    @Test
    void aWeakPasswordIsRefusedAtActivationAndTheLinkStillWorks() throws Exception {
        var link = registerExternal(People.uniqueEmail(), 1);
        var token = link.substring(link.indexOf('=') + 1);

        mvc.perform(post("/activation")
                        .with(csrf())
                        .param("jeton", token)
                        .param("password", "azertyuiop123")
                        .param("confirmation", "azertyuiop123"))
                .andExpect(content().string(Matchers.containsString("trop facile à deviner")));
        mvc.perform(post("/activation")
                        .with(csrf())
                        .param("jeton", token)
                        .param("password", GOOD_PASSWORD)
                        .param("confirmation", GOOD_PASSWORD + "x"))
                .andExpect(content().string(Matchers.containsString("ne sont pas identiques")));

        activate(token).andExpect(redirectedUrl("/connexion?active"));
    }

    @Test
    void aResetLinkChangesThePasswordOnceAndANewerLinkKillsTheOlder() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);

        requestReset(email);
        var first = Mails.nth(greenMail, email, 1);
        requestReset(email);
        var second = Mails.nth(greenMail, email, 2);
        assertThat(second.getSubject()).isEqualTo("Guichet : choisissez un nouveau mot de passe");

        mvc.perform(get(Mails.link(first)))
                .andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));
        var link = Mails.link(second);
        var token = link.substring(link.indexOf('=') + 1);
        var newPassword = "Nouvelle phrase de passe pour Alice";
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("jeton", token)
                        .param("password", newPassword)
                        .param("confirmation", newPassword))
                .andExpect(redirectedUrl("/connexion?reinitialise"));
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("jeton", token)
                        .param("password", "Encore une autre phrase 99")
                        .param("confirmation", "Encore une autre phrase 99"))
                .andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));

        mvc.perform(SignInTest.signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(SignInTest.signIn(email, newPassword)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordResetRevokesTheApiTokensByDefault() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        var apiToken = Visitor.signedIn(mvc, email).apiToken();
        requestReset(email);
        var link = Mails.link(Mails.awaitFirst(greenMail, email));

        var form = Jsoup.parse(mvc.perform(get(link)).andReturn().getResponse().getContentAsString());
        assertThat(form.selectFirst("label[for=revokeApiTokens]").text()).isEqualTo("Révoquer aussi mes jetons d’API");
        assertThat(form.selectFirst("#revokeApiTokens").hasAttr("checked")).isTrue();
        var newPassword = "Nouvelle phrase de passe pour Alice";
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("jeton", token(link))
                        .param("password", newPassword)
                        .param("confirmation", newPassword)
                        .param("revokeApiTokens", "true")
                        .param("_revokeApiTokens", "on"))
                .andExpect(redirectedUrl("/connexion?reinitialise"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken))
                .andExpect(status().isUnauthorized());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select action from audit_entry where target = ?", String.class, email))
                        .contains("PASSWORD_RESET", "API_TOKEN_REVOKED"));
    }

    @Test
    void aPasswordResetKeepsTheApiTokensWhenThePersonUnticksTheBox() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        var apiToken = Visitor.signedIn(mvc, email).apiToken();
        requestReset(email);
        var link = Mails.link(Mails.awaitFirst(greenMail, email));

        var newPassword = "Nouvelle phrase de passe pour Alice";
        mvc.perform(post("/mot-de-passe/nouveau")
                        .with(csrf())
                        .param("jeton", token(link))
                        .param("password", newPassword)
                        .param("confirmation", newPassword)
                        .param("_revokeApiTokens", "on"))
                .andExpect(redirectedUrl("/connexion?reinitialise"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select action from audit_entry where target = ?", String.class, email))
                        .contains("PASSWORD_RESET"));
        assertThat(jdbc.queryForList("select action from audit_entry where target = ?", String.class, email))
                .doesNotContain("API_TOKEN_REVOKED");
    }

    @Test
    void aResetLinkLastsOneHour() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        requestReset(email);
        var link = Mails.link(Mails.awaitFirst(greenMail, email));

        clock.advance(Duration.ofMinutes(61));

        mvc.perform(get(link)).andExpect(content().string(Matchers.containsString("Ce lien n’est plus valable")));
    }

    @Test
    void aResetRequestAnswersTheSameWhetherTheAddressExistsOrNot() throws Exception {
        var known = People.uniqueEmail();
        accounts.createVerified(known, Civility.MADAME, "Blanc", "Alice", null, false, GOOD_PASSWORD);
        var unknown = People.uniqueEmail();

        var forKnown = requestReset(known).andReturn().getResponse().getContentAsString();
        var forUnknown = requestReset(unknown).andReturn().getResponse().getContentAsString();

        assertThat(strip(forKnown)).isEqualTo(strip(forUnknown));
        Mails.awaitFirst(greenMail, known);
        assertThat(Mails.to(greenMail, unknown)).isEmpty();
    }

    @Test
    void aMalformedAddressIsRefusedOnTheForgottenPasswordForm() throws Exception {
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", "pas une adresse"))
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")));
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", "").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("This field is required.")));
    }

    private static String token(String link) {
        return link.substring(link.indexOf('=') + 1);
    }

    private ResultActions requestReset(String email) throws Exception {
        return mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email));
    }

    private ResultActions activate(String token) throws Exception {
        return mvc.perform(post("/activation")
                .with(csrf())
                .param("jeton", token)
                .param("password", GOOD_PASSWORD)
                .param("confirmation", GOOD_PASSWORD));
    }

    private String registerExternal(String email, int nth) throws Exception {
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement").with(csrf()).param("establishment", "none"));
        visitor.perform(post("/inscription/coordonnees")
                        .with(csrf())
                        .param("civility", "MADAME")
                        .param("lastName", "Fabre")
                        .param("firstName", "Léa"))
                .andExpect(redirectedUrl("/inscription/envoyee"));
        return Mails.link(Mails.nth(greenMail, email, nth));
    }

    /** The pages differ only by their CSRF token. */
    private static String strip(String html) {
        return html.replaceAll("content=\"[^\"]*\"", "").replaceAll("value=\"[^\"]*\"", "");
    }
}
