package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import jakarta.mail.Message;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The helpdesk as people live it, in a real browser (issue 5's journey): a correspondent files a
 * blocking ticket with a screenshot, the agent takes it and asks a question, the correspondent
 * answers, the agent hands it to a contractor, the contractor answers, the agent validates it as
 * the solution, the correspondent refuses it with a reason, the agent sends another, the
 * correspondent validates. Every page is checked with axe; GreenMail sees every e-mail and whom
 * it went to.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class HelpdeskJourneyBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    HelpdeskSetup helpdesk;

    String correspondent;
    String technicalCorrespondent;
    String agent;
    String contractorAgent;
    String contractorName;
    String categoryName;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void sifacCorrespondentAndAgent() {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université de " + domain, "UNIV", Set.of(domain));
        correspondent = People.uniqueEmail(domain);
        var person = accounts.createVerified(
                correspondent, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        agent = People.uniqueEmail("agence.test");
        AccountId agentId =
                accounts.createVerified(agent, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        var sifac = helpdesk.product("SIFAC-" + suffix, "Sifac " + suffix, null, List.of("2026.1"), List.of(true));
        helpdesk.correspondent(establishment, sifac, person, CorrespondentKind.FUNCTIONAL);
        technicalCorrespondent = People.uniqueEmail(domain);
        helpdesk.correspondent(
                establishment,
                sifac,
                accounts.createVerified(
                        technicalCorrespondent,
                        Civility.MONSIEUR,
                        "Leroy",
                        "Paul",
                        establishment,
                        false,
                        GOOD_PASSWORD),
                CorrespondentKind.TECHNICAL);
        contractorAgent = People.uniqueEmail("presta.test");
        contractorName = "Prestataire " + suffix;
        helpdesk.contractor(
                contractorName,
                List.of(accounts.createVerified(
                        contractorAgent, Civility.MADAME, "Presta", "Inès", null, false, GOOD_PASSWORD)));
        helpdesk.installedVersion(establishment, sifac, "2026.1");
        categoryName = "Sifac " + suffix + " — niveau 2";
        helpdesk.levelTwoCategory(categoryName, sifac, helpdesk.team("Équipe " + suffix, List.of(agentId)));
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
    void aBlockingTicketGoesThroughQuestionContractorRefusalAndValidation() throws Exception {
        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.headerLink("Mes demandes").click();
        browser.waitForPath("/demandes");
        browser.assertAccessible("Mes demandes (empty)");
        browser.link("Nouvelle demande").click();
        browser.waitForPath("/demandes/nouvelle");
        browser.assertAccessible("categories");
        browser.link(categoryName).click();
        browser.waitForReady();
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=installed-version]"))
                        .getText())
                .contains("2026.1");
        browser.assertAccessible("filing form");
        browser.field("Bloquant").click();
        browser.field("Fonctionnelle").click();
        browser.fillIn("Code message (facultatif)", "FB60");
        browser.fillIn("Titre (100 caractères au plus)", "Facture bloquée en FB60");
        browser.fillIn("Description", "La saisie échoue avec le message FB60 depuis ce matin.");
        var screenshot = Files.createTempFile("capture", ".png");
        Files.write(screenshot, TestFiles.png());
        browser.field("Pièce jointe (facultatif)").sendKeys(screenshot.toString());
        browser.submit("Envoyer la demande");
        browser.waitUntil("the ticket's page", d -> browser.path().matches("/demandes/\\d+"));
        var ticketPath = browser.path();
        assertThat(browser.saved())
                .startsWith("Votre demande n°")
                .endsWith("est enregistrée ; un accusé de réception vous est envoyé.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=attachments]"))
                        .getText())
                .contains(screenshot.getFileName().toString());
        browser.assertAccessible("ticket page (correspondent)");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.open(ticketPath);
        browser.assertAccessible("ticket page (agent)");
        browser.submit("Prendre en charge");
        assertThat(browser.saved()).isEqualTo("C’est fait ; le site en est averti par e-mail.");
        act("Poser une question au site", "Depuis quelle date exactement ?");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("ARS — question posée, en attente de la réponse du site");
        browser.signOut();

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open(ticketPath);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=exchanges]"))
                        .getText())
                .contains("Depuis quelle date exactement ?");
        act("Répondre à la question", "Depuis le 20 novembre.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("ECT/INT — en cours de traitement par un consultant de l’Agence");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.open(ticketPath);
        handTo(contractorName);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("ECT/EXT — en cours de traitement, confiée à un prestataire");
        browser.signOut();

        browser.signIn(contractorAgent, GOOD_PASSWORD);
        browser.open(ticketPath);
        browser.assertAccessible("ticket page (contractor)");
        act("Proposer une réponse", "Appliquer la note technique 123.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo(
                        "ECT/AVA — en cours de traitement, réponse du prestataire en cours de vérification par l’Agence");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Assistance (agence)").click();
        browser.waitForPath("/agence/demandes");
        browser.assertAccessible("agent dashboard");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=contractor-answers]"))
                        .getText())
                .contains("Facture bloquée en FB60");
        browser.open(ticketPath);
        press("Valider la réponse du prestataire");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("AVS — réponse envoyée, en attente de la validation du site");
        browser.signOut();

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open(ticketPath);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=exchanges]"))
                        .getText())
                .contains("Appliquer la note technique 123.");
        act("Refuser la solution", "La note 123 ne concerne pas notre version.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("ECT/INT — en cours de traitement par un consultant de l’Agence");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.open(ticketPath);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=exchanges]"))
                        .getText())
                .contains("La note 123 ne concerne pas notre version.");
        act("Proposer la solution", "Paramétrer le compte 401 puis relancer FB60.");
        browser.signOut();

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open(ticketPath);
        browser.assertAccessible("ticket awaiting validation");
        press("Valider la solution");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("TER/V — terminée : solution validée par le site");
        assertThat(browser.main().findElements(By.cssSelector("[data-testid=acts]")))
                .isEmpty();
        browser.link("Mes demandes d’assistance").click();
        browser.waitForPath("/demandes");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=group-TREATED]"))
                        .getText())
                .contains("Facture bloquée en FB60");
        browser.assertAccessible("Mes demandes (treated)");

        // the site: acknowledgement + one summary per change (10 acts), its other correspondent in copy each time
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mails.distinctTo(greenMail, correspondent).size() >= 10);
        var siteMails = Mails.distinctTo(greenMail, correspondent);
        assertThat(siteMails).hasSize(10);
        assertThat(siteMails.get(0).getSubject()).isEqualTo("Demande d’assistance enregistrée");
        assertThat(siteMails)
                .allSatisfy(m -> assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.CC))
                                .map(Object::toString))
                        .containsExactly(technicalCorrespondent));
        assertThat(siteMails)
                .filteredOn(m -> Mails.body(m).contains("note technique 123"))
                .as("the contractor's proposal reaches the site once validated, never before")
                .hasSize(1)
                .allSatisfy(m -> assertThat(Mails.body(m))
                        .contains("à l’état AVS — réponse envoyée, en attente de votre validation"));
        // the agency: the team at filing, then the handling agent at each of the site's acts and the contractor's
        // answer
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mails.distinctTo(greenMail, agent).size() >= 5);
        var agencyMails = Mails.distinctTo(greenMail, agent);
        assertThat(agencyMails).hasSize(5);
        assertThat(agencyMails.subList(0, 4))
                .allSatisfy(m -> assertThat(m.getSubject()).isEqualTo("Une demande d’assistance vous attend"));
        assertThat(agencyMails.get(4).getSubject())
                .as("the site's validation closes it: it waits for nobody")
                .isEqualTo("Une demande d’assistance est close");
        assertThat(Mails.body(agencyMails.get(4)))
                .contains("est close (TER/V — terminée : solution validée par le site)")
                .doesNotContain("attend l’assistance");
        assertThat(Mails.distinctTo(greenMail, contractorAgent))
                .as("the contractor, when it is handed to his company")
                .hasSize(1);
    }

    /** Presses one act's button from the keyboard: the acts of a long page sit below the first screen. */
    private void press(String button) {
        var page = driver.findElement(By.tagName("html"));
        browser.main()
                .findElement(By.xpath(".//button[normalize-space() = " + Browser.xpathLiteral(button) + "]"))
                .sendKeys(Keys.ENTER);
        browser.waitUntil("the page after " + button, Browser.replaced(page));
        browser.waitForReady();
    }

    /** Hands the ticket to a contractor company, chosen in the act's list. */
    private void handTo(String company) {
        var form = browser.main()
                .findElement(By.xpath(".//form[.//button[normalize-space() = 'Confier au prestataire']]"));
        new Select(form.findElement(By.name("contractor"))).selectByVisibleText(company);
        var page = driver.findElement(By.tagName("html"));
        form.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        browser.waitUntil("the page after the hand-over", Browser.replaced(page));
        browser.waitForReady();
    }

    /** Fills the text of one act's form and submits it. */
    private void act(String button, String text) {
        var form = browser.main()
                .findElement(By.xpath(".//form[.//button[normalize-space() = " + Browser.xpathLiteral(button) + "]]"));
        form.findElement(By.tagName("textarea")).sendKeys(text);
        var page = driver.findElement(By.tagName("html"));
        var submit = form.findElement(By.tagName("button"));
        // as a keyboard user does: the forms of a long page sit below the first screen
        submit.sendKeys(Keys.ENTER);
        browser.waitUntil("the page after " + button, Browser.replaced(page));
        browser.waitForReady();
    }
}
