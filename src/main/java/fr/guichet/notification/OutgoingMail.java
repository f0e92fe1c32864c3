package fr.guichet.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail to write: the template (under {@code templates/mail/}, its subject the message
 * {@code mail.<template>.subject}) rendered in the recipient's language with these variables.
 * {@code to} and {@code copies} may each hold several addresses: one message, every reader sees
 * who else got it (an access request goes to the super admins, the requester in copy).
 *
 * <p>Every e-mail ends by saying why its reader receives it: {@code why} when the sender gives one
 * (an alert the reader chose), else the template's own message {@code mail.<template>.why}.
 */
public record OutgoingMail(
        List<String> to,
        List<String> copies,
        Locale locale,
        String template,
        Map<String, Object> variables,
        @Nullable Why why) {

    public OutgoingMail {
        to = List.copyOf(to);
        copies = List.copyOf(copies);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs a recipient");
        }
    }

    public OutgoingMail(
            List<String> to, List<String> copies, Locale locale, String template, Map<String, Object> variables) {
        this(to, copies, locale, template, variables, null);
    }

    public OutgoingMail(String to, Locale locale, String template, Map<String, Object> variables) {
        this(List.of(to), List.of(), locale, template, variables, null);
    }

    public OutgoingMail because(Why reason) {
        return new OutgoingMail(to, copies, locale, template, variables, reason);
    }

    /**
     * Why the readers receive it, in words ({@code messageKey}, its argument {0} the link to the
     * preference that governs it), and the address that stops it in one click (RFC 8058) for the
     * kinds sent in bulk to one person at a time; none where a click must not stop it.
     */
    public record Why(
            String messageKey,
            String preferenceLink,
            @Nullable String unsubscribeLink) {}
}
