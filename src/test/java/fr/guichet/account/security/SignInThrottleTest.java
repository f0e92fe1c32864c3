package fr.guichet.account.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountProperties;
import fr.guichet.support.TestClock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    final TestClock clock = new TestClock(ZoneId.of("Europe/Paris"));
    final SignInThrottle throttle = new SignInThrottle(
            new AccountProperties(null, new AccountProperties.SignIn(3, 5, Duration.ofMinutes(15)), null, null), clock);

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
}
