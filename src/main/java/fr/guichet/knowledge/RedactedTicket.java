package fr.guichet.knowledge;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.TicketState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A publishable ticket once redaction has removed what the public must not read. */
record RedactedTicket(
        long number,
        Publication publication,
        TicketState state,
        Long productId,
        String productName,
        String versionLabel,
        String fixedVersion,
        String domain,
        Nature nature,
        String messageCode,
        String title,
        String description,
        String answer,
        Instant openedAt,
        Instant answeredAt,
        String digest) {

    /**
     * What the ticket's three texts were, as written (title, description, answer: 16 hex digits
     * each), so that an agent's rewrite of one stands until that one changes on the ticket — not
     * when the redaction of it changes (someone renamed, a new namesake).
     */
    static String digest(String title, String description, String answer) {
        return digest(title) + digest(description) + digest(answer);
    }

    private static String digest(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
