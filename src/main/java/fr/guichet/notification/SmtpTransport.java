package fr.guichet.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
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
    public void deliver(OutboxMessage message, List<MailAttachment> attachments) throws MessagingException {
        var mime = new StableIdMessage(sender.createMimeMessage().getSession(), message.messageId());
        mime.setFrom(from);
        mime.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
        if (message.copyTo() != null) {
            mime.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(message.copyTo(), true));
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        if (attachments.isEmpty()) {
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
        } else {
            mime.setContent(mixed(message.body(), attachments));
        }
        mime.setSentDate(Date.from(message.createdAt()));
        if (message.unsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender.send(mime);
    }

    /** The text first, what every mail program shows as the message; then the files, in order. */
    private static MimeMultipart mixed(String body, List<MailAttachment> attachments) throws MessagingException {
        var multipart = new MimeMultipart("mixed");
        var text = new MimeBodyPart();
        text.setText(body, StandardCharsets.UTF_8.name());
        multipart.addBodyPart(text);
        for (var attachment : attachments) {
            multipart.addBodyPart(part(attachment));
        }
        return multipart;
    }

    private static MimeBodyPart part(MailAttachment attachment) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        // RFC 2231-encoded when not ASCII (convocation-réunion.pdf)
        part.setFileName(attachment.fileName());
        // set here, the type is kept as given: left to Jakarta Mail, it would gain a name parameter, and
        // "text/calendar; charset=UTF-8; method=REQUEST" is what makes a mail program offer the event
        part.setHeader("Content-Type", attachment.contentType());
        // base64 for every file, text ones too: the bytes arrive as they left (an .ics keeps its CRLFs
        // and its long lines, which 7bit or quoted-printable may rewrap or normalise)
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
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
