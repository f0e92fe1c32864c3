package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.AccessibleNames;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agency event from its publication to the attendance certificate, as its people live it in a real
 * browser: the agent publishes a one-place session (after a deadline the form refuses), A takes the
 * place, B waits; A cancels and B is promoted, told by an e-mail carrying his convocation and calendar
 * invitation; the agent takes the roll, B downloads his certificate, and a stranger checks its code.
 * Every page is checked with axe, and for controls named by what they do.
 *
 * <p>The session starts about half an hour from now: the roll opens an hour before a session, and
 * the clock cannot be moved here (the browser's sessions would expire).
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class EventsJourneyBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Fetches a link as the page would, answering its status, type and body (base64), separated by " | ". */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(async r => {
                const bytes = new Uint8Array(await r.arrayBuffer());
                let binary = '';
                bytes.forEach(b => binary += String.fromCharCode(b));
                done([r.status, r.headers.get('content-type'), btoa(binary)].join(' | '));
            });""";

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    TestClock clock;

    String title;
    String agent;
    String memberA;
    String memberB;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void establishmentAndPeople() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        title = "Atelier budgétaire " + UUID.randomUUID().toString().substring(0, 6);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université de " + domain, "UD", Set.of(domain));
        memberA = People.uniqueEmail(domain);
        accounts.createVerified(memberA, Civility.MADAME, "Martin", "Alice", establishment, false, GOOD_PASSWORD);
        memberB = People.uniqueEmail(domain);
        accounts.createVerified(memberB, Civility.MONSIEUR, "Bernard", "Bruno", establishment, false, GOOD_PASSWORD);
        var agencyDomain = People.uniqueDomain();
        var agency = organizations.createEstablishment("Agence " + agencyDomain, "AG", Set.of(agencyDomain));
        agent = People.uniqueEmail(agencyDomain);
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MADAME, "Agent", "Agathe", agency, false, GOOD_PASSWORD));
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anEventFromItsPublicationToACertificateAStrangerChecks() throws Exception {
        var now = clock.instant().atZone(PARIS).truncatedTo(ChronoUnit.MINUTES);
        var start = now.plusMinutes(30);
        // a session lies within one day: close to midnight it begins at the next one instead
        if (start.toLocalTime().isAfter(LocalTime.of(23, 50))) {
            start = start.toLocalDate().plusDays(1).atStartOfDay(PARIS);
        }
        var end = start.toLocalTime().isBefore(LocalTime.of(23, 0))
                ? start.plusHours(1)
                : start.toLocalDate().atTime(23, 59).atZone(PARIS);

        // the agent publishes, first with a deadline after the session
        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Gérer les événements").click();
        browser.waitForPath("/agence/evenements");
        checkPage("the agency's events");
        browser.link("Publier un événement").click();
        browser.waitForPath("/agence/evenements/nouveau");
        checkPage("event form");
        browser.fillIn("Titre", title);
        browser.fillIn("Description (Markdown)", "Une **demi-heure** pour préparer le budget.");
        new Select(browser.field("Type d’événement")).selectByVisibleText("Formation");
        assertThat(browser.field("Tous les membres").isSelected()).isTrue();
        browser.field("Les participants voient la liste des participants de leur session")
                .click();
        setValue("Ouverture des inscriptions", local(now.minusHours(1)));
        setValue("Date limite d’inscription et d’annulation", local(start.plusDays(1)));
        setValue("Date de la session 1", start.toLocalDate().toString());
        setValue("Début de la session 1", start.toLocalTime().toString());
        setValue("Fin de la session 1", end.toLocalTime().toString());
        browser.fillIn("Nombre de places de la session 1", "1");
        browser.fillIn("Lieu de la session 1", "Salle Condorcet");
        browser.submit("Publier l’événement");
        assertThat(text("[data-testid=error]"))
                .isEqualTo("La date limite des inscriptions doit précéder le début de la première session.");
        assertThat(browser.field("Titre").getDomProperty("value")).isEqualTo(title);
        checkPage("event form, deadline after the session");
        setValue("Date limite d’inscription et d’annulation", local(now.plusMinutes(20)));
        browser.submit("Publier l’événement");
        assertThat(browser.path()).matches("/agence/evenements/\\d+");
        var eventPath = browser.path().replace("/agence", "");
        assertThat(browser.saved()).isEqualTo("L’événement est publié.");
        assertThat(browser.heading()).isEqualTo(title);
        assertThat(text("[data-testid=agency-session]")).contains("Salle Condorcet", "0 / 1 confirmés");
        checkPage("the agency's event page");
        browser.signOut();

        // A takes the one place, B waits
        register(memberA);
        assertThat(text("[data-testid=my-registrations]")).contains("Place confirmée");
        assertThat(text("[data-testid=places-left]")).startsWith("Complet sur 1");
        checkPage("event page, place confirmed");
        browser.signOut();
        register(memberB);
        assertThat(text("[data-testid=my-registrations]")).contains("Sur liste d’attente");
        assertThat(text("[data-testid=rank]")).isEqualTo("N° 1 sur la liste d’attente");
        checkPage("event page, on the waiting list");
        browser.signOut();

        // A cancels from "Mes inscriptions"
        myRegistrations(memberA);
        assertThat(text("[data-testid=upcoming]")).contains(title, "Place confirmée");
        checkPage("my registrations, place confirmed");
        // the button names the session too ("… — session du …"), for whoever holds places in several
        submitStartingWith("Annuler mon inscription : " + title);
        assertThat(browser.saved()).isEqualTo("Votre inscription est annulée.");
        assertThat(text("[data-testid=ended]")).contains(title, "Annulée");
        checkPage("my registrations, cancelled");
        browser.signOut();

        // B is promoted: his registrations say so, and so does the e-mail with his papers
        myRegistrations(memberB);
        assertThat(text("[data-testid=upcoming]")).contains(title, "Place confirmée");
        assertThat(driver.findElements(By.cssSelector("[data-testid=waiting] [data-testid=registration]")))
                .isEmpty();
        checkPage("my registrations, promoted");
        browser.link(title).click();
        browser.waitForPath(eventPath);
        linkStartingWith("Voir les participants").click();
        browser.waitUntil("the participants' page", d -> browser.path().endsWith("/participants"));
        assertThat(browser.heading()).isEqualTo("Participants : " + title);
        assertThat(driver.findElements(By.cssSelector("[data-testid=participant] td:first-child")))
                .extracting(WebElement::getText)
                .containsExactly("BERNARD Bruno");
        checkPage("participants, as a participant");
        var promoted = mailTo(memberB, "Une place s’est libérée");
        assertThat(promoted.getText()).contains(title, "Salle Condorcet");
        assertThat(promoted.findElements(By.cssSelector("[data-testid=mail-attachment]")))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Télécharger convocation.pdf", "Télécharger invitation.ics");
        browser.signOut();

        // the agent takes the roll: B present
        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Gérer les événements").click();
        browser.waitForPath("/agence/evenements");
        browser.link(title).click();
        browser.waitForPath("/agence" + eventPath);
        linkStartingWith("Présences de la session du ").click();
        browser.waitUntil("the roll", d -> browser.path().endsWith("/presences"));
        assertThat(browser.heading()).isEqualTo("Présences : " + title);
        checkPage("the roll");
        var person = driver.findElements(By.cssSelector("[data-testid=roll-person]"));
        assertThat(person)
                .extracting(p -> p.findElement(By.tagName("legend")).getText())
                .containsExactly("BERNARD Bruno");
        person.get(0)
                .findElement(By.xpath(".//label[normalize-space() = 'Présent BERNARD Bruno']"))
                .click();
        browser.submit("Enregistrer les présences");
        assertThat(browser.saved()).startsWith("Présences enregistrées (1 modifiées)");
        assertThat(driver.findElement(
                                By.xpath("//*[@data-testid='roll-person']//input[@type='radio' and @value='PRESENT']"))
                        .isSelected())
                .isTrue();
        checkPage("the roll, recorded");
        browser.link("Retour à l’événement").click();
        browser.waitForPath("/agence" + eventPath);
        linkStartingWith("Participants de la session du ").click();
        browser.waitUntil("the participants' page", d -> browser.path().endsWith("/participants"));
        assertThat(text("[data-testid=participant]")).contains("BERNARD Bruno", "Présent");
        checkPage("participants, as the organiser");
        browser.signOut();

        // B downloads his certificate
        myRegistrations(memberB);
        var certificate = browser.link("Télécharger l’attestation d’assiduité : " + title);
        var code = text("[data-testid=certificates] small").replace("Code de vérification : ", "");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        var answer = ((String)
                        ((JavascriptExecutor) driver).executeAsyncScript(FETCH, certificate.getDomAttribute("href")))
                .split(" \\| ");
        assertThat(answer[0]).isEqualTo("200");
        assertThat(answer[1]).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(Base64.getDecoder().decode(answer[2]))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bruno Bernard", title, code);
        }
        checkPage("my registrations, a certificate");
        browser.signOut();

        // a stranger, not signed in, checks the code
        browser.open("/attestations/verification");
        checkPage("certificate check");
        browser.fillIn("Code de vérification", code);
        browser.submit("Vérifier l’attestation");
        assertThat(text("[data-testid=certified-person]")).isEqualTo("Bruno Bernard");
        var attended = Duration.between(start, end);
        assertThat(text("[data-testid=certified-hours]"))
                .isEqualTo(attended.toHours() + " h " + String.format("%02d", attended.toMinutesPart()));
        checkPage("certificate check, valid");
    }

    /** Signs in and registers from the list of events, on the event's page. */
    private void register(String email) {
        browser.signIn(email, GOOD_PASSWORD);
        browser.headerLink("Événements").click();
        browser.waitForPath("/evenements");
        checkPage("events");
        browser.link(title).click();
        browser.waitUntil("the event's page", d -> browser.heading().equals(title));
        checkPage("event page");
        browser.submit("M’inscrire");
        browser.saved();
    }

    private void myRegistrations(String email) {
        browser.signIn(email, GOOD_PASSWORD);
        browser.headerLink("Événements").click();
        browser.waitForPath("/evenements");
        browser.link("Mes inscriptions").click();
        browser.waitForPath("/mes-inscriptions");
    }

    /** axe, and every link, button and field named by what it does (softly: the journey goes on). */
    private void checkPage(String page) {
        browser.assertAccessible(page);
        softly.assertThat(AccessibleNames.problems(Jsoup.parse(driver.getPageSource())))
                .as("control names on " + page)
                .isEmpty();
    }

    /** A date or time field takes its value as the browser sends it (typing follows the browser's locale). */
    private void setValue(String label, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", browser.field(label), value);
    }

    private static String local(ZonedDateTime moment) {
        return moment.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private WebElement linkStartingWith(String start) {
        List<WebElement> links = browser.main()
                .findElements(By.xpath(".//a[starts-with(normalize-space(), " + Browser.xpathLiteral(start) + ")]"));
        assertThat(links).as("one link \"%s…\"", start).hasSize(1);
        return links.get(0);
    }

    /** Clicks the one button of the main content whose name starts so, and waits for the page it leads to. */
    private void submitStartingWith(String start) {
        var buttons = browser.main()
                .findElements(
                        By.xpath(".//button[starts-with(normalize-space(), " + Browser.xpathLiteral(start) + ")]"));
        assertThat(buttons).as("one button \"%s…\"", start).hasSize(1);
        var page = driver.findElement(By.tagName("html"));
        buttons.get(0).click();
        browser.waitUntil("the page after \"" + start + "…\"", Browser.replaced(page));
        browser.waitForReady();
    }

    /** The mail to this address, on the local mailbox page, whose text holds these words. */
    private WebElement mailTo(String email, String words) {
        return browser.waitUntil("a mail to " + email + " saying \"" + words + "\"", d -> {
            browser.open("/dev/mailbox");
            return d.findElements(By.cssSelector("[data-testid=mail]")).stream()
                    .filter(m -> m.findElement(By.cssSelector("[data-testid=mail-to]"))
                                    .getText()
                                    .equals(email)
                            && m.getText().contains(words))
                    .findFirst()
                    .orElse(null);
        });
    }
}
