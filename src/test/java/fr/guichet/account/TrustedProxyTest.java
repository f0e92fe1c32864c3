package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.TestClockConfiguration;
import fr.guichet.support.TestDatabase;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a proxy named in GUICHET_TRUSTED_PROXIES, the address it forwards is the client's: the
 * sign-in throttle and the audit count each client apart. A context of its own (slow): keep it
 * to what needs the setting.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"GUICHET_TRUSTED_PROXIES=127\\.0\\.0\\.1", "guichet.sign-in.failures-per-address=3"})
@ActiveProfiles(resolver = TestDatabase.class)
@Import(TestClockConfiguration.class)
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAddressForwardedByATrustedProxyIsThrottledAndAuditedAsTheClients() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Petit", "Lucie", null, false, GOOD_PASSWORD);
        var guesser = new HttpVisitor(port).header("X-Forwarded-For", "203.0.113.7");
        var guessed = People.uniqueEmail();
        guesser.signIn(guessed, "pas le bon mot de passe");
        guesser.signIn(People.uniqueEmail(), "pas le bon mot de passe");
        guesser.signIn(People.uniqueEmail(), "pas le bon mot de passe");

        var fromTheGuesser = guesser.signIn(email, GOOD_PASSWORD);
        var fromSomeoneElse =
                new HttpVisitor(port).header("X-Forwarded-For", "203.0.113.8").signIn(email, GOOD_PASSWORD);

        assertThat(fromTheGuesser.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion?trop"));
        assertThat(fromSomeoneElse.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select source_address from audit_entry where target = ?", String.class, guessed))
                        .containsExactly("203.0.113.7"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select source_address from audit_entry where target = ? and action = 'SIGN_IN_SUCCEEDED'",
                                String.class,
                                email))
                        .containsExactly("203.0.113.8"));
    }
}
