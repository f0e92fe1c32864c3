package fr.guichet.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An e-mail to write: the template (under {@code templates/mail/}, its subject the message
 * {@code mail.<template>.subject}) rendered in the recipient's language with these variables.
 * {@code to} and {@code copies} may each hold several addresses: one message, every reader sees
 * who else got it (an access request goes to the super admins, the requester in copy).
 */
public record OutgoingMail(
        List<String> to, List<String> copies, Locale locale, String template, Map<String, Object> variables) {

    public OutgoingMail {
        to = List.copyOf(to);
        copies = List.copyOf(copies);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs a recipient");
        }
    }

    public OutgoingMail(String to, Locale locale, String template, Map<String, Object> variables) {
        this(List.of(to), List.of(), locale, template, variables);
    }
}
