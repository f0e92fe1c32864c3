package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A refused sign-in by client certificate. The target is the address of the account the certificate
 * is registered to, or else the certificate's subject ("-" when none was presented); the reason is
 * a {@code CertificateSignIn} outcome's name and the SHA-256 what was presented.
 */
public record CertificateSignInFailed(
        @Nullable AccountId account,
        String target,
        String reason,
        @Nullable String sha256,
        String sourceAddress,
        Instant occurredAt)
        implements AccountEvent {}
