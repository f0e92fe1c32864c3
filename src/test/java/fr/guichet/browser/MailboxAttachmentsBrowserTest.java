package fr.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.notification.MailAttachment;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A convocation on the local mailbox page, in a real browser: its files listed under the text, each
 * link named by what it does, the page checked with axe, and a file fetched as the link gives it.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class MailboxAttachmentsBrowserTest {

    /** Receives what the dispatcher sends; the test reads the mail on the local mailbox page. */
    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    /** Fetches a link as the page would: its status, type, disposition and length, separated by " | ". */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(async r => done([r.status, r.headers.get('content-type'),
                r.headers.get('content-disposition'), (await r.arrayBuffer()).byteLength].join(' | ')));""";

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aConvocationsFilesAreListedOnTheMailboxPageAndDownloaded() {
        var email = People.uniqueEmail();
        var invitation = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        transactions.executeWithoutResult(tx -> outbox.enqueue(new OutgoingMail(
                        email,
                        Locale.FRENCH,
                        "verify-email",
                        Map.of("name", "Jeanne", "link", "http://localhost:8080/activation?jeton=x", "hours", 24))
                .withAttachments(List.of(
                        new MailAttachment("convocation.pdf", "application/pdf", new byte[2048]),
                        new MailAttachment(
                                "invitation.ics", "text/calendar; charset=UTF-8; method=REQUEST", invitation)))));

        var mail = browser.mailTo(email);
        var links = mail.findElements(By.cssSelector("[data-testid=mail-attachments] a"));
        assertThat(links)
                .extracting(l -> l.getText())
                .containsExactly("Télécharger convocation.pdf", "Télécharger invitation.ics");
        assertThat(mail.findElement(By.cssSelector("[data-testid=mail-attachments]"))
                        .getText())
                .contains("Pièces jointes")
                .contains("(application/pdf, 2,0 Ko)");
        browser.assertAccessible("local mailbox, a mail with attachments");

        // what the browser receives by the link: the calendar invitation, to save, with its type whole
        var answer = (String) ((JavascriptExecutor) driver)
                .executeAsyncScript(FETCH, links.get(1).getDomAttribute("href"));
        var parts = answer.split(" \\| ");
        assertThat(parts[0]).isEqualTo("200");
        assertThat(MediaType.parseMediaType(parts[1]))
                .isEqualTo(MediaType.parseMediaType("text/calendar; charset=UTF-8; method=REQUEST"));
        var disposition = ContentDisposition.parse(parts[2]);
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("invitation.ics");
        assertThat(parts[3]).isEqualTo(String.valueOf(invitation.length));
    }
}
