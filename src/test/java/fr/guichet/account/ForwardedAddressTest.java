package fr.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no proxy configured (the default), whatever X-Forwarded-For a client writes is ignored. */
@ServerTest
class ForwardedAddressTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aForgedForwardedAddressIsIgnoredAndTheRealOneAudited() throws Exception {
        var email = People.uniqueEmail();
        var visitor = new HttpVisitor(port).header("X-Forwarded-For", "203.0.113.7");

        visitor.signIn(email, "pas le bon mot de passe");

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select source_address from audit_entry where target = ? and action = 'SIGN_IN_FAILED'",
                                String.class,
                                email))
                        .containsExactly("127.0.0.1"));
    }
}
