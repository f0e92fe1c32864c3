package fr.guichet.account.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** At most {@code perAddress} account e-mails of one kind to one address in each {@code period}. */
@ConfigurationProperties("guichet.account-mails")
record AccountMailProperties(int perAddress, Duration period) {

    AccountMailProperties {
        // zero would silently stop every registration and reset: refuse to start instead
        if (perAddress < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "guichet.account-mails: per-address must be at least 1 and period positive");
        }
    }
}
