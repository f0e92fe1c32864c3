package fr.guichet.account.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountProperties;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestDatabase;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class SignInThrottleTest {

    static final AccountProperties SETTINGS =
            new AccountProperties(null, new AccountProperties.SignIn(3, 5, Duration.ofMinutes(15)), null, null);
    static DataSource database;

    final TestClock clock = new TestClock(ZoneId.of("Europe/Paris"));
    final SignInThrottle throttle = new SignInThrottle(JdbcClient.create(database), SETTINGS, clock);

    /** The test run's database (H2 or PostgreSQL), with the application's schema. */
    @BeforeAll
    static void schema() {
        database = "postgresql".equals(TestDatabase.name())
                ? new DriverManagerDataSource(
                        System.getenv()
                                .getOrDefault("GUICHET_TEST_PG_URL", "jdbc:postgresql://localhost:5432/guichet_test"),
                        System.getenv().getOrDefault("GUICHET_TEST_PG_USER", "postgres"),
                        System.getenv().getOrDefault("GUICHET_TEST_PG_PASSWORD", ""))
                : new DriverManagerDataSource(
                        "jdbc:h2:mem:sign-in-throttle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "sa",
                        "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @BeforeEach
    void noFailuresYet() {
        JdbcClient.create(database).sql("delete from sign_in_failure").update();
    }

    @Test
    void anAddressIsThrottledAfterItsAllowanceOfFailures() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.isThrottled("a@x.fr", "10.0.0.1")).isFalse();
            throttle.failed("a@x.fr", "10.0.0.1");
        }
        assertThat(throttle.isThrottled("A@X.FR", "10.0.0.2"))
                .as("same address, any case, any source")
                .isTrue();
        assertThat(throttle.isThrottled("b@x.fr", "10.0.0.2"))
                .as("another address")
                .isFalse();
    }

    @Test
    void aSourceIsThrottledAcrossAddresses() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("person" + i + "@x.fr", "10.0.0.9");
        }
        assertThat(throttle.isThrottled("someone.else@x.fr", "10.0.0.9")).isTrue();
        assertThat(throttle.isThrottled("someone.else@x.fr", "10.0.0.10")).isFalse();
    }

    @Test
    void nobodyIsLockedOutForGood() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("a@x.fr", "10.0.0.1");
        }
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.3")).isTrue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.3"))
                .as("one attempt back every 5 minutes")
                .isFalse();
        throttle.failed("a@x.fr", "10.0.0.3");
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.3")).isTrue();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.3")).isFalse();
    }

    @Test
    void twoNodesOnOneDatabaseGiveTheAllowanceOfOne() {
        var otherNode = new SignInThrottle(JdbcClient.create(database), SETTINGS, clock);
        throttle.failed("a@x.fr", "10.0.0.1");
        otherNode.failed("a@x.fr", "10.0.0.2");
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.3")).isFalse();
        throttle.failed("a@x.fr", "10.0.0.3");
        assertThat(otherNode.isThrottled("a@x.fr", "10.0.0.4"))
                .as("three failures on two nodes: the other node refuses too")
                .isTrue();
        assertThat(throttle.isThrottled("a@x.fr", "10.0.0.4")).isTrue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(otherNode.isThrottled("a@x.fr", "10.0.0.4")).isFalse();
    }

    @Test
    void failuresCountedAtOnceOnTwoNodesAllCount() throws Exception {
        var otherNode = new SignInThrottle(JdbcClient.create(database), SETTINGS, clock);
        var pool = Executors.newFixedThreadPool(5);
        for (int round = 0; round < 10; round++) {
            // five failures from one source (its allowance), each on another account, at once on two nodes
            var source = "10.0.3." + round;
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < 5; i++) {
                var node = i % 2 == 0 ? throttle : otherNode;
                var account = "round" + round + "." + i + "@x.fr";
                done.add(pool.submit(() -> node.failed(account, source)));
            }
            for (var failure : done) {
                failure.get(30, TimeUnit.SECONDS);
            }
            assertThat(throttle.isThrottled("someone.else@x.fr", source))
                    .as("round %d: every one of the five failures counted", round)
                    .isTrue();
        }
        pool.shutdown();
    }
}
