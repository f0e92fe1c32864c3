package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14's product spaces and releases, in a real browser: an agent prepares a patch with its file
 * and publishes it; both correspondents of the establishment are e-mailed; one of them finds it from
 * his space, with its file, then gives his establishment a project address — refused first as not an
 * address. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class ReleasesJourneyBrowserTest {

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
    long product;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void productWithTwoCorrespondents() {
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
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD));
        productName = "Sinaps " + suffix;
        var sinaps = helpdesk.product(
                "SINAPS-" + suffix, productName, null, List.of("2025.1", "2026.1"), List.of(true, true));
        product = sinaps.value();
        helpdesk.correspondent(establishment, sinaps, person, CorrespondentKind.FUNCTIONAL);
        helpdesk.correspondent(establishment, sinaps, other, CorrespondentKind.TECHNICAL);
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
    void aPublishedPatchReachesTheCorrespondentsWhoThenGiveAProjectAddress() throws Exception {
        browser.signIn(agent, GOOD_PASSWORD);
        browser.open("/produits/" + product + "/livraisons");
        assertThat(browser.heading()).isEqualTo("Livraisons du logiciel " + productName);
        browser.assertAccessible("releases (agent)");
        driver.findElement(By.id("kind-PATCH")).click();
        new Select(browser.field("Version du logiciel concernée")).selectByVisibleText("2026.1");
        browser.fillIn("Titre", "Patch 2026.1.2");
        browser.fillIn("Notes de livraison", "Corrige l’export des immobilisations.");
        var patch = Files.createTempFile("patch", ".txt");
        Files.writeString(patch, "patch 2026.1.2\n", StandardCharsets.UTF_8);
        browser.field("Fichiers de la livraison").sendKeys(patch.toString());
        browser.submit("Enregistrer le brouillon");
        browser.waitUntil("the release's page", d -> browser.path().matches("/produits/\\d+/livraisons/\\d+"));
        var releasePath = browser.path();
        assertThat(browser.saved()).isEqualTo("Le brouillon de la livraison est enregistré.");
        assertThat(status()).isEqualTo("Brouillon (visible de l’Agence seule)");
        browser.assertAccessible("draft release (agent)");
        browser.clickButton("Publier et prévenir les établissements");
        browser.waitUntil("the confirmation", ExpectedConditions.alertIsPresent())
                .accept();
        // htmx swaps the page's body in place (hx-boost)
        browser.waitUntil("the published release", d -> status().startsWith("Publiée le "));
        assertThat(browser.saved()).isEqualTo("La livraison est publiée ; les établissements sont prévenus.");
        browser.assertAccessible("published release (agent)");
        browser.open("/produits/" + product + "/documents");
        browser.assertAccessible("product documents (agent)");

        var mail = Mails.awaitFirst(greenMail, correspondent);
        assertThat(mail.getSubject()).isEqualTo("Guichet : une nouvelle livraison est publiée");
        assertThat(Mails.link(mail)).isEqualTo(releasePath);
        assertThat(Mails.awaitFirst(greenMail, colleague).getSubject()).isEqualTo(mail.getSubject());
        assertThat(Mails.to(greenMail, correspondent)).as("one e-mail each").hasSize(1);

        browser.signOut();
        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/espace-correspondant");
        browser.link("Livraisons du logiciel " + productName).click();
        browser.waitForPath("/produits/" + product + "/livraisons");
        browser.assertAccessible("releases (correspondent)");
        assertThat(browser.main().findElements(By.id("new-release")))
                .as("no form for a correspondent")
                .isEmpty();
        browser.link("Patch 2026.1.2").click();
        browser.waitForPath(releasePath);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=notes]"))
                        .getText())
                .isEqualTo("Corrige l’export des immobilisations.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=file]"))
                        .getDomAttribute("href"))
                .isEqualTo(releasePath + "/fichiers/0");
        browser.assertAccessible("release (correspondent)");

        browser.open("/espace-correspondant");
        browser.link("Documents du logiciel " + productName).click();
        browser.waitForPath("/produits/" + product + "/documents");
        browser.assertAccessible("product documents (correspondent)");
        browser.open("/espace-correspondant");
        browser.link("Adresse générique du projet").click();
        browser.waitForPath("/produits/" + product + "/adresse-projet");
        browser.assertAccessible("project address");
        browser.fillIn("Adresse e-mail générique du projet", "sinaps@");
        browser.submit("Enregistrer l’adresse du projet");
        assertThat(browser.refusal()).startsWith("Cette adresse e-mail n’est pas valide");
        assertThat(browser.field("Adresse e-mail générique du projet").getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertAccessible("project address refused");
        browser.fillIn(
                "Adresse e-mail générique du projet", "sinaps@" + correspondent.split("@")[1]);
        driver.findElement(By.id("language-en")).click();
        browser.submit("Enregistrer l’adresse du projet");
        browser.waitForPath("/espace-correspondant");
        assertThat(browser.saved()).isEqualTo("L’adresse générique du projet est enregistrée.");
    }

    private String status() {
        return browser.main()
                .findElement(By.cssSelector("[data-testid=status]"))
                .getText();
    }
}
