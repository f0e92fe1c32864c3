package fr.guichet.certificates;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an accepted certificate says, as its pages show it, and its DER encoding to keep and hand on.
 *
 * @param subject the holder's name, RFC 2253, without control or invisible characters
 * @param issuer the certification authority's name, likewise
 * @param serial the serial number in upper-case hexadecimal
 * @param key the key's kind and size: "RSA 2048", "EC P-256"
 * @param keyUses what the KeyUsage extension lists; empty when the certificate has none
 * @param sha256 the fingerprint people compare with their tools: lower-case hexadecimal of the DER's digest
 * @param der the certificate exactly as its authority encoded it (DER)
 */
record ParsedCertificate(
        String subject,
        String issuer,
        String serial,
        Instant notBefore,
        Instant notAfter,
        String key,
        Set<KeyUse> keyUses,
        String sha256,
        byte[] der) {

    private static final Base64.Encoder PEM_LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    ParsedCertificate {
        keyUses = keyUses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(keyUses));
        // an array is shared by reference: a copy in and out keeps the record what it was read as
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The certificate in PEM, 64 columns, as .pem and .crt files hold it. */
    String pem() {
        return "-----BEGIN CERTIFICATE-----\n" + PEM_LINES.encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    /** Every field is read from the DER: two parsings of one certificate are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedCertificate that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "ParsedCertificate[subject=%s, issuer=%s, serial=%s, notAfter=%s, key=%s, sha256=%s]"
                .formatted(subject, issuer, serial, notAfter, key, sha256);
    }
}
