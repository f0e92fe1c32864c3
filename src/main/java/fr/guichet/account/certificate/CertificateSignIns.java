package fr.guichet.account.certificate;

import fr.guichet.account.AccountId;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.CertificateCheck;
import fr.guichet.account.RegisteredCertificate;
import fr.guichet.account.events.CertificateSignInFailed;
import java.time.Clock;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account a presented certificate opens, if any; every refusal goes to the audit trail. The
 * certificate is matched by its SHA-256, so only the very certificate the admin registered opens the
 * account: another one of the same person, issuer or name does not.
 */
@Service
class CertificateSignIns {

    enum Outcome {
        ACCEPTED,
        NONE,
        UNREADABLE,
        NOT_REGISTERED,
        ACCOUNT_INACTIVE,
        NOT_YET_VALID,
        EXPIRED
    }

    record Result(Outcome outcome, @Nullable AccountId account) {}

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateSignIns(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Result check(PresentedCertificates.Presented presented, String sourceAddress) {
        var certificate = presented.certificate();
        if (certificate == null) {
            return failed(presented.unreadable() ? Outcome.UNREADABLE : Outcome.NONE, null, "-", null, sourceAddress);
        }
        var sha256 = RegisteredCertificate.fingerprint(certificate);
        var account = accounts.findByCertificateSha256(sha256).orElse(null);
        if (account == null) {
            var subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
            return failed(
                    Outcome.NOT_REGISTERED,
                    null,
                    subject.length() > 254 ? subject.substring(0, 254) : subject,
                    sha256,
                    sourceAddress);
        }
        var check = account.check(sha256, clock.instant());
        if (check == CertificateCheck.ACCEPTED) {
            return new Result(Outcome.ACCEPTED, account.id());
        }
        return failed(
                Outcome.valueOf(check.name()), account.id(), account.email().value(), sha256, sourceAddress);
    }

    /** The account was disabled between the check and the sign-in: refused like any inactive one. */
    @Transactional
    Result inactive(AccountId account, String sourceAddress) {
        var email =
                accounts.findById(account.value()).map(a -> a.email().value()).orElse("-");
        return failed(Outcome.ACCOUNT_INACTIVE, account, email, null, sourceAddress);
    }

    private Result failed(
            Outcome outcome,
            @Nullable AccountId account,
            String target,
            @Nullable String sha256,
            String sourceAddress) {
        events.publishEvent(
                new CertificateSignInFailed(account, target, outcome.name(), sha256, sourceAddress, clock.instant()));
        return new Result(outcome, null);
    }
}
