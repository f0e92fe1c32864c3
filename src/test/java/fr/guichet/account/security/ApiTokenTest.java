package fr.guichet.account.security;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.sql.Timestamp;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Personal API tokens, from their creation in "Mon compte" to their use and revocation. */
@IntegrationTest
@Tag("smoke")
class ApiTokenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    String email;
    Visitor me;

    @BeforeEach
    void signedIn() throws Exception {
        email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MONSIEUR, "Faure", "Louis", null, false, GOOD_PASSWORD);
        me = new Visitor(mvc);
        me.perform(SignInTest.signIn(email, GOOD_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndActsAsItsOwner() throws Exception {
        var token = create("Script de synchronisation");

        assertThat(token).startsWith("gch_");
        me.perform(get("/compte/jetons"))
                .andExpect(content().string(Matchers.containsString("Script de synchronisation")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(token))));
        assertThat(jdbc.queryForList("select token_hash from api_token", String.class))
                .doesNotContain(token);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.lastName").value("Faure"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aRevokedTokenOpensNothing() throws Exception {
        var token = create("Ancien script");
        var id = jdbc.queryForObject("select max(id) from api_token where name = 'Ancien script'", Long.class);

        me.perform(post("/compte/jetons/" + id + "/revocation").with(csrf()))
                .andExpect(redirectedUrl("/compte/jetons"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void nobodyRevokesAnotherPersonsToken() throws Exception {
        create("Le mien");
        var id = jdbc.queryForObject("select max(id) from api_token where name = 'Le mien'", Long.class);
        var stranger = People.uniqueEmail();
        accounts.createVerified(stranger, Civility.MADAME, "Noël", "Eve", null, false, GOOD_PASSWORD);
        var other = new Visitor(mvc);
        other.perform(SignInTest.signIn(stranger, GOOD_PASSWORD));

        other.perform(post("/compte/jetons/" + id + "/revocation").with(csrf())).andExpect(status().isNotFound());

        assertThat(jdbc.queryForObject("select revoked_at from api_token where id = ?", Timestamp.class, id))
                .isNull();
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        me.perform(post("/compte/jetons").with(csrf()).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"name-error\"")));
    }

    @Test
    void theApiAnswersProblemDetailsInTheReadersLanguageAndNeverUsesTheSessionCookie() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Authentification requise"));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gch_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        // signed in on the pages, but the API takes Bearer tokens only
        me.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    private String create(String name) throws Exception {
        var page = me.perform(post("/compte/jetons").with(csrf()).param("name", name))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page).selectFirst("[data-testid=new-token]").text();
    }
}
