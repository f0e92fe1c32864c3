package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A convocation as the events module sends it, received by a real SMTP server: the text, then a
 * PDF and a calendar invitation that mail programs offer to add, each byte as it was given.
 */
@IntegrationTest
class MailAttachmentsDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    /** Not a real PDF: bytes a text conversion would spoil (NUL, CR alone, 8-bit). */
    static final byte[] PDF = pdfLike();

    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

    static final byte[] INVITATION = String.join(
                    "\r\n",
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//Guichet//Événements//FR",
                    "METHOD:REQUEST",
                    "BEGIN:VEVENT",
                    "UID:session-42@guichet",
                    "DTSTAMP:20270301T090000Z",
                    "DTSTART:20270312T090000Z",
                    "SUMMARY:Formation « Marchés publics » — session de mars",
                    "DESCRIPTION:" + "Une ligne plus longue que ce qu’un courriel accepte sans la replier. ".repeat(20),
                    "END:VEVENT",
                    "END:VCALENDAR",
                    "")
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digests digests;

    @Test
    void aConvocationArrivesWithItsTextThenItsPdfAndItsInvitationUnchanged() throws Exception {
        var to = People.uniqueEmail();
        enqueue(mailTo(to)
                .withAttachments(List.of(
                        new MailAttachment("convocation-réunion.pdf", "application/pdf", PDF),
                        new MailAttachment("invitation.ics", CALENDAR_TYPE, INVITATION))));

        var received = Mails.awaitFirst(greenMail, to);

        assertThat(received.getContentType()).startsWith("multipart/mixed");
        var parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(3);

        var text = parts.getBodyPart(0);
        assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(text.getDisposition()).isNull();
        assertThat((String) text.getContent()).contains("Bonjour Jeanne").contains("/activation?jeton=x");

        var pdf = parts.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("convocation-réunion.pdf");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(bytesOf(pdf)).isEqualTo(PDF);

        var invitation = parts.getBodyPart(2);
        assertThat(invitation.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(invitation.getFileName()).isEqualTo("invitation.ics");
        assertThat(invitation.getHeader("Content-Type")).containsExactly(CALENDAR_TYPE);
        assertThat(bytesOf(invitation)).isEqualTo(INVITATION);

        // a resend after a crash is still recognisable as the same message
        assertThat(received.getMessageID()).isEqualTo(storedMessageId(to));
    }

    @Test
    void aMailWithoutFilesIsTheSingleTextItWasBefore() throws Exception {
        var to = People.uniqueEmail();
        enqueue(mailTo(to));

        var received = Mails.awaitFirst(greenMail, to);

        assertThat(received.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(received.getContent()).isInstanceOf(String.class);
        assertThat((String) received.getContent()).contains("Bonjour Jeanne");
        assertThat(received.getMessageID()).isEqualTo(storedMessageId(to));
        assertThat(attachmentsOf(to)).isZero();
    }

    @Test
    void aDeletedMessageTakesItsFilesAlong() {
        // nothing in the portal deletes sent mail yet; the benchmarks' resets do, and a purge would
        var to = People.uniqueEmail();
        enqueue(mailTo(to).withAttachments(List.of(new MailAttachment("convocation.pdf", "application/pdf", PDF))));
        assertThat(attachmentsOf(to)).isEqualTo(1);

        jdbc.sql("delete from outbox_message where recipient = ?").param(to).update();

        assertThat(attachmentsOf(to)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from outbox_attachment a
                        where not exists (select 1 from outbox_message m where m.id = a.message_id)""").query(Integer.class).single()).isZero();
    }

    @Test
    void aMailWithFilesIsNeverHeldForADigestWhereTheyWouldBeLost() {
        var to = People.uniqueEmail();
        var convocation =
                mailTo(to).withAttachments(List.of(new MailAttachment("convocation.pdf", "application/pdf", PDF)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> transactions.executeWithoutResult(tx -> digests.hold(1, convocation)));
        assertThat(jdbc.sql("select count(*) from digest_entry where email = ?")
                        .param(to)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static OutgoingMail mailTo(String to) {
        return new OutgoingMail(
                to,
                Locale.FRENCH,
                "verify-email",
                Map.of("name", "Jeanne", "link", "http://localhost:8080/activation?jeton=x", "hours", 24));
    }

    private void enqueue(OutgoingMail mail) {
        transactions.executeWithoutResult(tx -> outbox.enqueue(mail));
    }

    private String storedMessageId(String to) {
        return jdbc.sql("select message_id from outbox_message where recipient = ?")
                .param(to)
                .query(String.class)
                .single();
    }

    private int attachmentsOf(String to) {
        return jdbc.sql("""
                        select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id
                        where m.recipient = ?""").param(to).query(Integer.class).single();
    }

    private static byte[] bytesOf(BodyPart part) throws Exception {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] pdfLike() {
        var bytes = new byte[200_000];
        var header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (var i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        bytes[1000] = '\r';
        bytes[1001] = 0;
        return bytes;
    }
}
