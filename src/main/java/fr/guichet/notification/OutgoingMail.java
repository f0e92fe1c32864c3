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
 *
 * <p>It may carry files ({@link #withAttachments}), {@value #MAX_ATTACHMENTS_BYTES} bytes at most in
 * all: beyond, mail servers refuse the message (10 MB is a common limit, and base64 adds a third).
 */
public record OutgoingMail(
        List<String> to,
        List<String> copies,
        Locale locale,
        String template,
        Map<String, Object> variables,
        @Nullable Why why,
        List<MailAttachment> attachments) {

    /** 5 MB: what a message may carry in files, all together. */
    public static final int MAX_ATTACHMENTS_BYTES = 5 * 1024 * 1024;

    public OutgoingMail {
        to = List.copyOf(to);
        copies = List.copyOf(copies);
        attachments = List.copyOf(attachments);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs a recipient");
        }
        // the sender's own doing (a generated PDF gone wrong), not the reader's: a bug to see, not a form error
        var bytes = attachments.stream().mapToLong(MailAttachment::size).sum();
        if (bytes > MAX_ATTACHMENTS_BYTES) {
            throw new IllegalArgumentException("an e-mail carries at most " + MAX_ATTACHMENTS_BYTES
                    + " bytes of attachments, not " + bytes + " (" + attachments + ")");
        }
    }

    public OutgoingMail(
            List<String> to,
            List<String> copies,
            Locale locale,
            String template,
            Map<String, Object> variables,
            @Nullable Why why) {
        this(to, copies, locale, template, variables, why, List.of());
    }

    public OutgoingMail(
            List<String> to, List<String> copies, Locale locale, String template, Map<String, Object> variables) {
        this(to, copies, locale, template, variables, null, List.of());
    }

    public OutgoingMail(String to, Locale locale, String template, Map<String, Object> variables) {
        this(List.of(to), List.of(), locale, template, variables, null, List.of());
    }

    public OutgoingMail because(Why reason) {
        return new OutgoingMail(to, copies, locale, template, variables, reason, attachments);
    }

    /** The same mail with these files, in this order, instead of those it had. */
    public OutgoingMail withAttachments(List<MailAttachment> files) {
        return new OutgoingMail(to, copies, locale, template, variables, why, files);
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
