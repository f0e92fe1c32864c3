package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a mail may carry: named files, 5 MB in all, never changed behind the outbox's back. */
class MailAttachmentTest {

    private static final OutgoingMail MAIL =
            new OutgoingMail("jeanne@example.org", Locale.FRENCH, "verify-email", Map.of());

    @Test
    void aFileNameWithAccentsAndSpacesIsKept() {
        var file = new MailAttachment("Convocation réunion du 12 mars.pdf", "application/pdf", new byte[] {1});

        assertThat(file.fileName()).isEqualTo("Convocation réunion du 12 mars.pdf");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                " convocation.pdf",
                "../convocation.pdf",
                "dossier/convocation.pdf",
                "dossier\\convocation.pdf",
                ".",
                "..",
                "convocation\r\nBcc: x@example.org.pdf",
                "convocation\u0000.pdf",
                // U+202E turns what follows around: shown as "convocationexe.pdf", it is an .exe
                "convocation\u202Efdp.exe"
            })
    void aFileNameThatIsNotAPlainNameIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailAttachment(name, "application/pdf", new byte[1]));
    }

    @Test
    void aFileNameLongerThanAFileSystemTakesIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailAttachment("a".repeat(252) + ".pdf", "application/pdf", new byte[1]));
        assertThat(new MailAttachment("a".repeat(251) + ".pdf", "application/pdf", new byte[1]).fileName())
                .hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "pdf", "application/", "text/calendar;\r\nmethod=REQUEST"})
    void aContentTypeThatIsNotOneIsRefused(String type) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailAttachment("invitation.ics", type, new byte[1]));
    }

    @Test
    void theBytesGivenAndTheBytesReadAreCopies() {
        var bytes = new byte[] {1, 2, 3};
        var file = new MailAttachment("convocation.pdf", "application/pdf", bytes);

        bytes[0] = 9;
        file.content()[1] = 9;

        assertThat(file.content()).containsExactly(1, 2, 3);
    }

    @Test
    void twoFilesWithTheSameNameTypeAndBytesAreEqual() {
        assertThat(new MailAttachment("a.pdf", "application/pdf", new byte[] {1, 2}))
                .isEqualTo(new MailAttachment("a.pdf", "application/pdf", new byte[] {1, 2}))
                .hasSameHashCodeAs(new MailAttachment("a.pdf", "application/pdf", new byte[] {1, 2}))
                .isNotEqualTo(new MailAttachment("a.pdf", "application/pdf", new byte[] {1, 3}));
    }

    @Test
    void aMailCarriesFiveMegabytesOfFilesAtMost() {
        var half = new MailAttachment("a.pdf", "application/pdf", new byte[OutgoingMail.MAX_ATTACHMENTS_BYTES / 2]);
        var oneByte = new MailAttachment("b.ics", "text/calendar", new byte[1]);

        assertThat(MAIL.withAttachments(List.of(half, half)).attachments()).hasSize(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MAIL.withAttachments(List.of(half, half, oneByte)))
                .withMessageContaining("5242880");
    }

    @Test
    void aMailWrittenAsBeforeCarriesNoFileAndAReasonKeepsItsFiles() {
        var file = new MailAttachment("convocation.pdf", "application/pdf", new byte[] {1});
        var why = new OutgoingMail.Why("alerts.why.EVENTS", "http://localhost/compte/alertes", null);

        assertThat(MAIL.attachments()).isEmpty();
        assertThat(new OutgoingMail(List.of("a@example.org"), List.of(), Locale.FRENCH, "verify-email", Map.of())
                        .attachments())
                .isEmpty();
        assertThat(MAIL.withAttachments(List.of(file)).because(why).attachments())
                .containsExactly(file);
        assertThat(MAIL.because(why).withAttachments(List.of(file)).why()).isEqualTo(why);
    }
}
