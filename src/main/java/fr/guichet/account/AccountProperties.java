package fr.guichet.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("guichet")
public record AccountProperties(Password password, SignIn signIn, Session session, Links links) {

    /** Length over composition (ANSSI/NIST): any character counts, a strength estimate decides. */
    public record Password(int minLength, int maxLength, double minEntropyBits) {}

    /** Failures allowed before throttling; one more is allowed every refill period / failures. */
    public record SignIn(int failuresPerAccount, int failuresPerAddress, Duration refillPeriod) {}

    public record Session(Duration absoluteTimeout) {}

    public record Links(Duration verificationValidity, Duration resetValidity, Duration invitationValidity) {}
}
