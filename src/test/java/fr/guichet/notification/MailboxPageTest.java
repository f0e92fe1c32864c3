package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailboxPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theLocalMailboxAnswersThisMachineOnly() throws Exception {
        mvc.perform(get("/dev/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Boîte aux lettres locale")));
        mvc.perform(get("/dev/mailbox").with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                }))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMailIsDatedInTheAgencysTimeZoneAndTheReadersLanguage() throws Exception {
        var recipient = People.uniqueEmail();
        // 14:04 UTC is 15:04 in Paris in December
        jdbc.sql("""
                insert into outbox_message (message_id, recipient, subject, body, status, next_attempt_at, created_at, sent_at)
                values (?, ?, 'Sujet', 'Corps', 'SENT', ?, ?, ?)""")
                .params(
                        "<" + UUID.randomUUID() + "@test>",
                        recipient,
                        at("2026-12-06T14:04:00Z"),
                        at("2026-12-06T14:04:00Z"),
                        at("2026-12-06T14:04:05Z"))
                .update();

        assertThat(dateOfMailTo(recipient, "fr")).isEqualTo("6 décembre 2026 à 15:04");
        assertThat(dateOfMailTo(recipient, "en")).isEqualTo("6 December 2026 at 15:04");
    }

    @Test
    void aMailsFilesAreListedAndDownloadedAsTheyWereSent() throws Exception {
        var recipient = People.uniqueEmail();
        var pdf = new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, (byte) 0xE2, '\r'};
        var invitation = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        transactions.executeWithoutResult(tx -> outbox.enqueue(new OutgoingMail(
                        recipient,
                        Locale.FRENCH,
                        "verify-email",
                        Map.of("name", "Jeanne", "link", "http://localhost:8080/activation?jeton=x", "hours", 24))
                .withAttachments(List.of(
                        new MailAttachment("convocation réunion.pdf", "application/pdf", pdf),
                        new MailAttachment(
                                "invitation.ics", "text/calendar; charset=UTF-8; method=REQUEST", invitation)))));

        var links = mailTo(recipient, "fr").select("a[data-testid=mail-attachment]");
        assertThat(links.eachText())
                .containsExactly("Télécharger convocation réunion.pdf", "Télécharger invitation.ics");
        assertThat(mailTo(recipient, "en")
                        .select("a[data-testid=mail-attachment]")
                        .eachText())
                .containsExactly("Download convocation réunion.pdf", "Download invitation.ics");

        var pdfAnswer = mvc.perform(get(links.get(0).attr("href")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf))
                .andReturn()
                .getResponse();
        assertThat(savedAs(pdfAnswer.getHeader("Content-Disposition"))).isEqualTo("convocation réunion.pdf");
        var invitationAnswer = mvc.perform(get(links.get(1).attr("href")))
                .andExpect(status().isOk())
                .andExpect(
                        content().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8; method=REQUEST")))
                .andExpect(content().bytes(invitation))
                .andReturn()
                .getResponse();
        assertThat(savedAs(invitationAnswer.getHeader("Content-Disposition"))).isEqualTo("invitation.ics");
    }

    /** The name a browser saves the answer under; a file to save, never a page to show. */
    private static String savedAs(String contentDisposition) {
        var disposition = ContentDisposition.parse(contentDisposition);
        assertThat(disposition.isAttachment()).as(contentDisposition).isTrue();
        return disposition.getFilename();
    }

    @Test
    void aMailsFileAnswersThisMachineOnlyAndAnUnknownOneIsNotFound() throws Exception {
        var recipient = People.uniqueEmail();
        transactions.executeWithoutResult(tx -> outbox.enqueue(new OutgoingMail(
                        recipient,
                        Locale.FRENCH,
                        "verify-email",
                        Map.of("name", "Jeanne", "link", "http://localhost:8080/activation?jeton=x", "hours", 24))
                .withAttachments(
                        List.of(new MailAttachment("convocation.pdf", "application/pdf", new byte[] {1, 2, 3})))));
        var link = mailTo(recipient, "fr")
                .selectFirst("a[data-testid=mail-attachment]")
                .attr("href");

        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(get(link).with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                }))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dev/mailbox/pieces-jointes/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aMailWithoutFilesListsNone() throws Exception {
        var recipient = People.uniqueEmail();
        transactions.executeWithoutResult(tx -> outbox.enqueue(new OutgoingMail(
                recipient,
                Locale.FRENCH,
                "verify-email",
                Map.of("name", "Jeanne", "link", "http://localhost:8080/activation?jeton=x", "hours", 24))));

        var mail = mailTo(recipient, "fr");

        assertThat(mail.select("[data-testid=mail-attachments]")).isEmpty();
        assertThat(mail.text()).doesNotContain("Pièces jointes");
    }

    private Element mailTo(String recipient, String language) throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/dev/mailbox").param("lang", language))
                .andReturn()
                .getResponse()
                .getContentAsString());
        return page.select("[data-testid=mail]").stream()
                .filter(m -> m.select("[data-testid=mail-to]").text().equals(recipient))
                .findFirst()
                .orElseThrow();
    }

    private String dateOfMailTo(String recipient, String language) throws Exception {
        var mail = mailTo(recipient, language);
        var date = mail.selectFirst("time");
        assertThat(Instant.parse(date.attr("datetime"))).isEqualTo(Instant.parse("2026-12-06T14:04:00Z"));
        return date.text();
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
