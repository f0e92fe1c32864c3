package fr.guichet.account.security;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sessions and cookies as a browser sees them, over real HTTP. */
@ServerTest
@Tag("smoke")
class SessionSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestClock clock;

    String email;

    @BeforeEach
    void person() {
        email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Petit", "Lucie", null, false, GOOD_PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneGrantsNothing() throws Exception {
        var visitor = new HttpVisitor(port);
        visitor.get("/connexion");
        var before = visitor.sessionCookie();
        assertThat(before).isNotNull();

        var signIn = visitor.signIn(email, GOOD_PASSWORD);

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/"));
        assertThat(visitor.sessionCookie()).isNotEqualTo(before);
        assertThat(visitor.get("/compte").statusCode()).isEqualTo(200);
        var cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("GUICHET_SESSION="))
                .findFirst();
        assertThat(cookie)
                .hasValueSatisfying(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var visitor = new HttpVisitor(port);
        visitor.signIn(email, GOOD_PASSWORD);

        var signOut = visitor.submit("/compte", "/deconnexion", Map.of());

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(visitor.get("/compte").statusCode()).isEqualTo(302);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        var laptop = new HttpVisitor(port);
        var phone = new HttpVisitor(port);
        laptop.signIn(email, GOOD_PASSWORD);
        phone.signIn(email, GOOD_PASSWORD);
        assertThat(phone.get("/compte").statusCode()).isEqualTo(200);

        var change = laptop.submit(
                "/compte/identifiants",
                "/compte/mot-de-passe",
                Map.of(
                        "current",
                        GOOD_PASSWORD,
                        "password",
                        "Une toute autre phrase de passe 77",
                        "confirmation",
                        "Une toute autre phrase de passe 77"));

        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(laptop.get("/compte").statusCode()).isEqualTo(200);
        assertThat(phone.get("/compte").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
        var visitor = new HttpVisitor(port);
        visitor.signIn(email, GOOD_PASSWORD);
        assertThat(visitor.get("/compte").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(13));

        var after = visitor.get("/compte");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    @Test
    void stayingSignedInEndsAtTheSameAbsoluteLimit() throws Exception {
        var visitor = new HttpVisitor(port);
        var signIn = visitor.submit(
                "/connexion", "/connexion", Map.of("email", email, "password", GOOD_PASSWORD, "remember-me", "true"));
        assertThat(signIn.statusCode()).isEqualTo(302);

        clock.advance(Duration.ofHours(11));
        assertThat(visitor.get("/compte").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        var after = visitor.get("/compte");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        var visitor = new HttpVisitor(port);
        visitor.signIn(email, GOOD_PASSWORD);

        var forged = visitor.post("/compte", Map.of("civility", "MONSIEUR", "lastName", "Pirate", "firstName", "Jack"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Accès refusé").doesNotContain("Exception");
        assertThat(visitor.get("/compte").body()).contains("Petit").doesNotContain("Pirate");
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        var page = new HttpVisitor(port).get("/connexion");

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
    }
}
