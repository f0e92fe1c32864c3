package fr.guichet.connect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Guichet-Signature header, as Stripe signs its webhooks: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" with the service's webhook secret>}. The time inside the signed text
 * lets the service refuse an old delivery replayed.
 */
final class WebhookSignature {

    static final String HEADER = "Guichet-Signature";

    private WebhookSignature() {}

    static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
