package fr.guichet.account.security;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One person signing in from several devices at the same moment: every sign-in succeeds. */
@ServerTest
class ConcurrentSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void simultaneousSignInsOfOnePersonAllSucceed() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Partout", "Pia", null, false, GOOD_PASSWORD);
        var devices = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 6; i++) {
            devices.add(() -> new HttpVisitor(port).signIn(email, GOOD_PASSWORD).statusCode());
        }
        try (var pool = new Closeable() {
            final ExecutorService executor = Executors.newFixedThreadPool(6);

            @Override
            public void close() {
                executor.shutdownNow();
            }
        }) {
            var statuses = pool.executor.invokeAll(devices).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
            assertThat(statuses).containsOnly(302);
        }
    }
}
