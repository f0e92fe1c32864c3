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
 * Issue 14's second journey, in a real browser: a correspondent asks that his leaving colleague be
 * removed and a newcomer named in his place, and declares the product's servers; the agent validates
 * both namings; the newcomer finds the product in his space, the one who left no longer does. Every
 * page is checked with axe; GreenMail sees that both the leaving and the new correspondent were told.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class ReplaceCorrespondentBrowserTest {

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
    String leaving;
    String newcomer;
    String agent;
    String productName;
    String establishmentName;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void siteWithALeavingCorrespondent() {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        establishmentName = "Université de " + domain;
        var establishment = organizations.createEstablishment(establishmentName, "UNIV", Set.of(domain));
        correspondent = People.uniqueEmail(domain);
        var anne = accounts.createVerified(
                correspondent, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        leaving = People.uniqueEmail(domain);
        var paul = accounts.createVerified(
                leaving, Civility.MONSIEUR, "Leroy", "Paul", establishment, false, GOOD_PASSWORD);
        newcomer = People.uniqueEmail(domain);
        accounts.createVerified(newcomer, Civility.MADAME, "Petit", "Léa", establishment, false, GOOD_PASSWORD);
        agent = People.uniqueEmail("agence.test");
        AccountId agentId =
                accounts.createVerified(agent, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        productName = "Sifac " + suffix;
        var sifac = helpdesk.product("SIFAC-" + suffix, productName, null, List.of("2026.1"), List.of(true));
        helpdesk.correspondent(establishment, sifac, anne, CorrespondentKind.FUNCTIONAL);
        helpdesk.correspondent(establishment, sifac, paul, CorrespondentKind.TECHNICAL);
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
    void aLeavingCorrespondentIsReplacedAndTheServersDeclared() throws Exception {
        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/espace-correspondant");
        browser.link("Changer les correspondants du logiciel " + productName).click();
        browser.waitForPath("/espace-correspondant/correspondants");
        browser.assertAccessible("the site's correspondents");
        browser.submit("Demander le départ de Paul Leroy (technique)");
        browser.waitUntil("the departure's page", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        var departure = browser.path();
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=after]"))
                        .getText())
                .contains("Paul Leroy")
                .contains("n’est plus correspondant");

        browser.open("/espace-correspondant");
        browser.link("Changer les correspondants du logiciel " + productName).click();
        browser.waitForPath("/espace-correspondant/correspondants");
        browser.fillIn("Adresse de connexion du nouveau correspondant", "personne@ailleurs.example");
        browser.field("Technique").click();
        browser.submit("Demander son arrivée à l’Agence");
        assertThat(browser.refusal()).as("an address with no account").contains("personne@ailleurs.example");
        browser.assertAccessible("the site's correspondents, refused");
        browser.fillIn("Adresse de connexion du nouveau correspondant", newcomer);
        browser.submit("Demander son arrivée à l’Agence");
        browser.waitUntil("the arrival's page", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        var arrival = browser.path();
        browser.assertAccessible("a new correspondent's request");

        browser.open("/espace-correspondant");
        browser.link("Déclarer les serveurs du logiciel " + productName).click();
        browser.waitForPath("/espace-correspondant/serveurs");
        browser.assertAccessible("servers form");
        browser.fillIn("Nom du serveur (serveur 1)", "srv-sifac-prod");
        new Select(browser.field("Rôle (serveur 1)")).selectByVisibleText("production");
        browser.fillIn("Système (serveur 1)", "Debian");
        browser.fillIn("Version du système (serveur 1)", "12");
        browser.submit("Envoyer la demande à l’Agence");
        browser.waitUntil("the servers' request", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=after]"))
                        .getText())
                .contains("srv-sifac-prod (production)")
                .contains("Debian 12");

        browser.open("/espace-correspondant");
        browser.link("Demander la modification des données de " + establishmentName)
                .click();
        browser.waitForPath("/espace-correspondant/etablissement");
        browser.assertAccessible("establishment form");
        browser.fillIn("Site web", "https://www.univ-exemple.fr");
        browser.fillIn("Ville", "Montval");
        browser.submit("Envoyer la demande à l’Agence");
        browser.waitUntil(
                "the establishment's request", d -> browser.path().matches("/espace-correspondant/demandes/\\d+"));
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=after]"))
                        .getText())
                .contains("Site web : https://www.univ-exemple.fr")
                .contains("Ville : Montval");
        browser.signOut();

        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Modifications à valider").click();
        browser.waitForPath("/agence/modifications");
        assertThat(browser.main().getText()).contains("Départ d’un correspondant", "Arrivée d’un correspondant");
        browser.assertAccessible("agency queue with every kind");
        browser.open(departure);
        browser.submit("Valider et appliquer la modification");
        assertThat(browser.saved()).isEqualTo("Demande validée : la modification est appliquée.");
        browser.open(arrival);
        browser.submit("Valider et appliquer la modification");
        assertThat(browser.saved()).isEqualTo("Demande validée : la modification est appliquée.");
        browser.signOut();

        browser.signIn(newcomer, GOOD_PASSWORD);
        browser.open("/espace-correspondant");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=site]"))
                        .getText())
                .contains(productName)
                .contains("Anne Dupont")
                .doesNotContain("Paul Leroy");
        browser.signOut();

        browser.signIn(leaving, GOOD_PASSWORD);
        browser.open("/espace-correspondant");
        assertThat(browser.main().findElements(By.cssSelector("[data-testid=no-site]")))
                .as("the one who left no longer has the site")
                .hasSize(1);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !Mails.distinctTo(greenMail, newcomer).isEmpty());
        assertThat(Mails.distinctTo(greenMail, leaving))
                .as("the one who leaves is told")
                .extracting(m -> m.getSubject())
                .contains("Demande de modification validée");
        assertThat(Mails.distinctTo(greenMail, newcomer))
                .as("the newcomer is told")
                .extracting(m -> m.getSubject())
                .contains("Demande de modification validée");
    }
}
