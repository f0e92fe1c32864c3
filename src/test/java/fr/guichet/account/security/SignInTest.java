package fr.guichet.account.security;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import fr.guichet.account.AccountRepository;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestClock;
import fr.guichet.support.Visitor;
import java.net.URI;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@IntegrationTest
@Tag("smoke")
public class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPersonSignsInWithHisEmailInAnyCaseAndSignInIsRecorded() throws Exception {
        var email = existing();

        new Visitor(mvc).perform(signIn(email.toUpperCase(), GOOD_PASSWORD)).andExpect(redirectedUrl("/"));

        assertThat(repository.findByEmail(email).orElseThrow().lastSignInAt()).isNotNull();
    }

    @Test
    void signingInLandsOnTheHomePageUnlessAPageWasAskedFirst() throws Exception {
        var email = existing();

        var straight = new Visitor(mvc)
                .perform(signIn(email, GOOD_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(straight.getRedirectedUrl()).isEqualTo("/");

        var asking = new Visitor(mvc);
        assertThat(asking.perform(get("/mes-services"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/connexion");
        var afterAsking =
                asking.perform(signIn(email, GOOD_PASSWORD)).andReturn().getResponse();
        assertThat(URI.create(afterAsking.getRedirectedUrl()).getPath()).isEqualTo("/mes-services");
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetExactlyTheSameAnswer() throws Exception {
        var email = existing();

        var wrongPassword = mvc.perform(signIn(email, "not the right password at all"))
                .andReturn()
                .getResponse();
        var unknownAddress = mvc.perform(signIn(People.uniqueEmail(), GOOD_PASSWORD))
                .andReturn()
                .getResponse();

        assertThat(wrongPassword.getStatus())
                .isEqualTo(unknownAddress.getStatus())
                .isEqualTo(302);
        assertThat(wrongPassword.getRedirectedUrl())
                .isEqualTo(unknownAddress.getRedirectedUrl())
                .isEqualTo("/connexion?erreur");
    }

    @Test
    void anAccountNotYetVerifiedCannotSignInAndIsNotToldApart() throws Exception {
        var email = People.uniqueEmail();
        var visitor = new Visitor(mvc);
        visitor.perform(post("/inscription").with(csrf()).param("email", email));
        visitor.perform(post("/inscription/etablissement").with(csrf()).param("establishment", "none"));
        visitor.perform(post("/inscription/coordonnees")
                .with(csrf())
                .param("civility", "MADAME")
                .param("lastName", "Roux")
                .param("firstName", "Ines"));
        assertThat(repository.findByEmail(email).orElseThrow().isPending()).isTrue();

        mvc.perform(signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/connexion?erreur"));
    }

    @Test
    void failuresOnOneAddressAreThrottledThenAllowedAgainLater() throws Exception {
        var email = existing();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "wrong password number " + i)).andExpect(redirectedUrl("/connexion?erreur"));
        }

        // even the right password waits: the guesser cannot tell it was right
        mvc.perform(signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/connexion?trop"));
        mvc.perform(get("/connexion").param("trop", ""))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("Trop de tentatives")));

        clock.advance(Duration.ofMinutes(4));
        mvc.perform(signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void anUnknownAddressIsThrottledLikeAKnownOne() throws Exception {
        var unknown = People.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(unknown, "guess " + i)).andExpect(redirectedUrl("/connexion?erreur"));
        }
        mvc.perform(signIn(unknown, "guess 6")).andExpect(redirectedUrl("/connexion?trop"));
    }

    @Test
    void signInNeedsTheCsrfToken() throws Exception {
        var email = existing();
        mvc.perform(post("/connexion").param("email", email).param("password", GOOD_PASSWORD))
                .andExpect(MockMvcResultMatchers.status().isForbidden());
    }

    private String existing() {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        return email;
    }

    public static MockHttpServletRequestBuilder signIn(String email, String password) {
        return post("/connexion").with(csrf()).param("email", email).param("password", password);
    }
}
