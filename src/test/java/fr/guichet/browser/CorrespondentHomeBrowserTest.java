package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14: the correspondent's home lists, on each of his sites, his tickets in progress and
 * treated with what their state means, and links to file one for that product; checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class CorrespondentHomeBrowserTest {

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
    String productName;
    String otherProductName;
    long category;
    TicketId asked;
    TicketId solved;
    TicketId colleagues;
    OrganizationId establishment;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void correspondentWithTickets() {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        establishment = organizations.createEstablishment("Université de " + domain, "UNIV", Set.of(domain));
        correspondent = People.uniqueEmail(domain);
        var person = accounts.createVerified(
                correspondent, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        var other = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Leroy", "Paul", establishment, false, GOOD_PASSWORD);
        AccountId agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        productName = "Sifac " + suffix;
        var sifac = helpdesk.product("SIFAC-" + suffix, productName, null, List.of("2026.1"), List.of(true));
        otherProductName = "Apogée " + suffix;
        var apogee = helpdesk.product("APOGEE-" + suffix, otherProductName, null, List.of("6.0"), List.of(true));
        helpdesk.domains(sifac, List.of("Comptabilité"));
        helpdesk.correspondent(establishment, sifac, person, CorrespondentKind.FUNCTIONAL);
        helpdesk.correspondent(establishment, sifac, other, CorrespondentKind.TECHNICAL);
        helpdesk.correspondent(establishment, apogee, person, CorrespondentKind.TECHNICAL);
        helpdesk.installedVersion(establishment, sifac, "2026.1");
        category = helpdesk.levelTwoCategory(
                productName + " — niveau 2", sifac, helpdesk.team("Équipe " + suffix, List.of(agent)));
        asked = file(person, "Facture bloquée au service fait");
        helpdesk.takeAndAsk(agent, asked, "Quel est le numéro de la facture ?");
        solved = file(person, "Rapprochement bancaire en écart");
        helpdesk.solve(agent, person, solved, "Relancez le rapprochement après l’import.");
        colleagues = file(other, "La demande de son collègue");
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
    void eachSiteListsHisTicketsInProgressAndTreatedWithTheirMeaningAndWhereToFileOne() {
        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/espace-correspondant");

        var sifac = site(productName);
        var inProgress = sifac.findElement(By.cssSelector("[data-testid=in-progress]"));
        assertThat(inProgress.getText())
                .contains("n° " + asked.value() + " — Facture bloquée au service fait")
                .as("the state with its meaning, addressed to him")
                .contains("ARS — question posée, en attente de votre réponse")
                .doesNotContain("La demande de son collègue");
        assertThat(inProgress
                        .findElement(By.linkText("Demande n° " + asked.value() + " — Facture bloquée au service fait"))
                        .getDomAttribute("href"))
                .isEqualTo("/demandes/" + asked.value());
        assertThat(sifac.findElement(By.cssSelector("[data-testid=treated]")).getText())
                .contains("n° " + solved.value() + " — Rapprochement bancaire en écart")
                .contains("TER/V — terminée : solution validée par le site");
        assertThat(sifac.getText()).contains("En cours (1)").contains("Traitées (1)");
        assertThat(sifac.findElement(By.linkText("Déposer une demande d’assistance pour " + productName))
                        .getDomAttribute("href"))
                .isEqualTo("/demandes/nouvelle/" + category);
        assertThat(sifac.findElement(By.linkText("Toutes les demandes " + productName + " que vous pouvez voir"))
                        .getDomAttribute("href"))
                .startsWith("/demandes/recherche?produit=");

        var apogee = site(otherProductName);
        assertThat(apogee.findElement(By.cssSelector("[data-testid=none-in-progress]"))
                        .getText())
                .isEqualTo("Aucune demande en cours.");
        assertThat(apogee.findElement(By.cssSelector("[data-testid=file-ticket]"))
                        .getDomAttribute("href"))
                .as("no level-2 category for that product yet: the list of categories")
                .isEqualTo("/demandes/nouvelle");
        browser.assertAccessible("correspondents' space with tickets");

        sifac.findElement(By.linkText("Demande n° " + asked.value() + " — Facture bloquée au service fait"))
                .click();
        browser.waitForPath("/demandes/" + asked.value());
    }

    private WebElement site(String product) {
        return browser.main().findElements(By.cssSelector("[data-testid=site]")).stream()
                .filter(s -> s.findElement(By.tagName("h2")).getText().startsWith(product))
                .findFirst()
                .orElseThrow();
    }

    private TicketId file(AccountId person, String title) {
        return helpdesk.levelTwoTicket(
                person,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                title,
                "Ce qui se passe, pas à pas.");
    }
}
