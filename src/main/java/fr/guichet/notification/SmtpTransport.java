package fr.guichet.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;

class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("guichet.mail.from is not an e-mail address: " + from, e);
        }
    }

    @Override
    public void deliver(OutboxMessage message) throws MessagingException {
        var mime = new StableIdMessage(sender.createMimeMessage().getSession(), message.messageId());
        mime.setFrom(from);
        mime.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
        if (message.copyTo() != null) {
            mime.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(message.copyTo(), true));
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(message.createdAt()));
        if (message.unsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender.send(mime);
    }

    /** Keeps the Message-ID chosen at enqueue time instead of a new one per attempt. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
