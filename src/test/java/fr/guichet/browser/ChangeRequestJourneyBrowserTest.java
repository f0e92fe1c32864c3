package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14's journey, in a real browser: a correspondent who cannot file for want of a validated
 * version follows the form's link, asks for the version with its .ver file; the agent refuses it
 * with a reason; he asks again; the agent validates; the form then files with the new version.
 * Every page is checked with axe; GreenMail sees whom each decision went to.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class ChangeRequestJourneyBrowserTest {

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
    String colleague;
    String agent;
    String productName;
    String categoryName;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void siteWithoutValidatedVersion() {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université de " + domain, "UNIV", Set.of(domain));
        correspondent = People.uniqueEmail(domain);
        var person = accounts.createVerified(
                correspondent, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        colleague = People.uniqueEmail(domain);
        var other = accounts.createVerified(
                colleague, Civility.MONSIEUR, "Leroy", "Paul", establishment, false, GOOD_PASSWORD);
        agent = People.uniqueEmail("agence.test");
        AccountId agentId =
                accounts.createVerified(agent, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        productName = "Sifac " + suffix;
        var sifac = helpdesk.product(
                "SIFAC-" + suffix, productName, null, List.of("2024.1", "2026.1"), List.of(true, true));
        helpdesk.correspondent(establishment, sifac, person, CorrespondentKind.FUNCTIONAL);
        helpdesk.correspondent(establishment, sifac, other, CorrespondentKind.TECHNICAL);
        categoryName = productName + " — niveau 2";
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
    void aVersionAskedRefusedAskedAgainAndValidatedOpensTheFilingForm() throws Exception {
        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/demandes/nouvelle");
        browser.link(categoryName).click();
        browser.waitForReady();
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=refusal]"))
                        .getText())
                .contains("Aucune version installée");
        browser.assertAccessible("filing form without a version");
        browser.link("Demander la validation de votre version installée").click();
        browser.waitForPath("/espace-correspondant/version");
        browser.assertAccessible("installed version form");
        new Select(browser.field("Nouvelle version installée")).selectByVisibleText("2026.1");
        var ver = Files.createTempFile("sifac", ".ver");
        Files.writeString(ver, "SIFAC 2026.1 migrated\n", StandardCharsets.UTF_8);
        browser.field("Fichier .ver de la migration (facultatif)").sendKeys(ver.toString());
        browser.submit("Envoyer la demande à l’Agence");
        browser.waitUntil("the request's page", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        var requestPath = browser.path();
        assertThat(browser.saved()).startsWith("Votre demande est envoyée à l’Agence");
        assertThat(status()).isEqualTo("En attente de validation par l’Agence");
        browser.assertAccessible("change request (correspondent)");
        browser.headerLink("Espace correspondants").click();
        browser.waitForPath("/espace-correspondant");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=pending]"))
                        .getText())
                .contains("2026.1");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=correspondents]"))
                        .getText())
                .as("the site's other correspondent, with his kind and address")
                .contains("Leroy")
                .contains("technique")
                .contains(colleague);
        browser.assertAccessible("correspondents' space");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Modifications à valider").click();
        browser.waitForPath("/agence/modifications");
        browser.assertAccessible("agency queue");
        browser.open(requestPath);
        assertThat(browser.link(ver.getFileName().toString()).getDomAttribute("href"))
                .as("the agent downloads the .ver file from the request")
                .isEqualTo(requestPath + "/fichier");
        browser.assertAccessible("change request (agent)");
        browser.fillIn("Motif du refus", "Le fichier .ver ne correspond pas à Sifac 2026.1.");
        browser.submit("Refuser la demande");
        assertThat(browser.saved()).isEqualTo("Demande refusée : le demandeur est prévenu.");
        assertThat(status()).isEqualTo("Refusée");
        browser.signOut();

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open(requestPath);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=reason]"))
                        .getText())
                .isEqualTo("Le fichier .ver ne correspond pas à Sifac 2026.1.");
        browser.open("/espace-correspondant");
        browser.link("Demander un changement de version installée du logiciel " + productName)
                .click();
        browser.waitForPath("/espace-correspondant/version");
        new Select(browser.field("Nouvelle version installée")).selectByVisibleText("2026.1");
        browser.submit("Envoyer la demande à l’Agence");
        browser.waitUntil("the new request's page", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        var secondPath = browser.path();
        assertThat(secondPath).isNotEqualTo(requestPath);
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.open(secondPath);
        browser.submit("Valider et appliquer la modification");
        assertThat(browser.saved()).isEqualTo("Demande validée : la modification est appliquée.");
        assertThat(status()).isEqualTo("Validée");
        browser.signOut();

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/demandes/nouvelle");
        browser.link(categoryName).click();
        browser.waitForReady();
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=installed-version]"))
                        .getText())
                .contains("2026.1");
        browser.assertAccessible("filing form with the validated version");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mails.distinctTo(greenMail, colleague).size() >= 2);
        assertThat(Mails.distinctTo(greenMail, correspondent))
                .extracting(m -> m.getSubject())
                .contains("Demande de modification refusée", "Demande de modification validée");
        assertThat(Mails.distinctTo(greenMail, colleague))
                .as("the site's other correspondent is told of both decisions")
                .extracting(m -> m.getSubject())
                .contains("Demande de modification refusée", "Demande de modification validée");
    }

    private String status() {
        return browser.main()
                .findElement(By.cssSelector("[data-testid=status]"))
                .getText();
    }
}
