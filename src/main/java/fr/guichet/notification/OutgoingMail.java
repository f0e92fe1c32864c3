package fr.guichet.notification;

import java.util.Locale;
import java.util.Map;

/**
 * An e-mail to write: the template (under {@code templates/mail/}, its subject the message
 * {@code mail.<template>.subject}) rendered in the recipient's language with these variables.
 */
public record OutgoingMail(String to, Locale locale, String template, Map<String, Object> variables) {
}
