package fr.guichet.certificates;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A certificate an organisation encrypts with: its own ({@code holderId} is the organisation) or one
 * it inherits from an organisation above it.
 */
record HeldCertificate(
        long id,
        long holderId,
        String holderName,
        Origin origin,
        @Nullable Long requestId,
        String subject,
        String issuer,
        String serial,
        Instant notBefore,
        Instant notAfter,
        String key,
        List<KeyUse> keyUses,
        String sha256,
        byte[] der,
        Instant addedAt) {

    enum Origin {
        /** Installed by the agency for a request of the organisation's. */
        REQUEST,
        /** Added by one of its administrators. */
        UPLOAD
    }

    boolean inheritedBy(long organization) {
        return holderId != organization;
    }

    boolean expired(Instant now) {
        return notAfter.isBefore(now);
    }

    String pem() {
        var body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }
}
