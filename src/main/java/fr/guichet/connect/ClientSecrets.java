package fr.guichet.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The secrets of connected services: 256 random bits each, shown once. A client secret is stored as
 * its SHA-256 only. Not the accounts' Argon2id: a slow hash protects guessable passwords, and these
 * are not guessable, while every token request of a service checks its secret (the bench's client
 * credentials figure would otherwise be Argon2id's).
 */
final class ClientSecrets implements PasswordEncoder {

    static final ClientSecrets ENCODER = new ClientSecrets();

    private static final String PREFIX = "{sha256}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {}

    static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String encode(CharSequence raw) {
        return PREFIX + HexFormat.of().formatHex(sha256(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        var stored = HexFormat.of().parseHex(encoded.substring(PREFIX.length()));
        return MessageDigest.isEqual(stored, sha256(raw));
    }

    private static byte[] sha256(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
