package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.branding.TestImages;
import fr.guichet.credits.Direction;
import fr.guichet.credits.Ledger;
import fr.guichet.credits.NewMovement;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.nio.file.Files;
import java.time.YearMonth;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervising an organisation, as the people concerned live it in a real browser: its super admin
 * grants Julie the three supervision rights; she finds the organisation, its balance at J-1 on its
 * home page, reads the statement over another period, its CSV and its print view, and chooses to
 * receive it by e-mail; reads the statistics and their print view; uploads a banner and a logo,
 * previews, publishes and resets the branding. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class SupervisionJourneyBrowserTest {

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
    Delegation delegation;

    @Autowired
    Ledger ledger;

    OrganizationId establishment;
    String establishmentName;
    String superAdmin;
    String julie;
    final String julieName = "Julie Ledoux";
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void establishmentPeopleAndCredits() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        var domain = People.uniqueDomain();
        establishmentName = "Ville de " + domain;
        establishment = organizations.createEstablishment(establishmentName, "VDL", Set.of(domain));
        superAdmin = People.uniqueEmail(domain);
        var superAdminId = accounts.createVerified(
                superAdmin, Civility.MONSIEUR, "Dupont", "Pierre", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdminId);
        julie = People.uniqueEmail(domain);
        accounts.createVerified(julie, Civility.MADAME, "Ledoux", "Julie", establishment, false, GOOD_PASSWORD);
        // what the procurement room posted: 20 credits bought five months ago, then consumptions
        var origin = "service:room-" + UUID.randomUUID();
        var lastMonth = YearMonth.from(ledger.today()).minusMonths(1);
        ledger.post(
                establishment,
                new NewMovement(
                        "b-1",
                        Direction.CREDIT,
                        20,
                        null,
                        lastMonth.minusMonths(4).atDay(3),
                        "Achat",
                        null),
                origin);
        ledger.post(
                establishment,
                new NewMovement("b-2", Direction.DEBIT, 3, "MAPA", lastMonth.atDay(12), "Consultation 12", null),
                origin);
        ledger.post(
                establishment,
                new NewMovement(
                        "b-3",
                        Direction.DEBIT,
                        2,
                        "NOTICE_TENDER_FILE",
                        lastMonth.minusMonths(4).atDay(20),
                        "Avis",
                        null),
                origin);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void julieReceivesTheSupervisionRightsAndReadsHerOrganisation() throws Exception {
        var files = Files.createTempDirectory("guichet-supervision-");
        var banner = Files.write(files.resolve("bandeau.jpg"), TestImages.banner());
        var logo = Files.write(files.resolve("logo.gif"), TestImages.logo());
        // the super admin grants Julie the three supervision rights ("Gestion")
        browser.signIn(superAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value() + "/intervenants");
        new Select(browser.field("Service")).selectByVisibleText("Gestion");
        browser.submit("Afficher");
        browser.assertAccessible("supervision rights matrix");
        for (var right : new String[] {
            "Visualiser les points", "Visualiser les statistiques", "Gérer la personnalisation graphique"
        }) {
            cell(julieName, right).click();
        }
        browser.submit("Enregistrer");
        assertThat(browser.saved()).isEqualTo("Vos modifications sont enregistrées.");
        browser.signOut();

        // Julie finds her organisation: she supervises it
        browser.signIn(julie, GOOD_PASSWORD);
        browser.headerLink("Vos collectivités").click();
        browser.waitForPath("/organisations");
        browser.assertAccessible("Vos collectivités (supervisor)");
        driver.findElement(By.linkText(establishmentName)).click();
        browser.waitForPath("/organisations/" + establishment.value());
        browser.assertAccessible("organisation home (supervisor)");
        var balance = driver.findElement(By.cssSelector("[data-testid=credits-balance]"))
                .getText();
        assertThat(balance).contains("15 points");
        var main = browser.main().getText();
        assertThat(main)
                .contains("Points")
                .doesNotContain("Gestion des utilisateurs")
                .doesNotContain("Journal");
        assertThat(driver.findElements(By.cssSelector("[data-testid=supervisors]")))
                .isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=supervisors]"))
                        .getText())
                .contains(julieName);

        // the statement: the last three full months by default, then the last six
        browser.link("Points").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/points");
        browser.assertAccessible("credits statement");
        assertThat(summary("consumed")).endsWith("3");
        assertThat(summary("opening")).endsWith("18");
        new Select(browser.field("Période")).selectByVisibleText("6 derniers mois");
        browser.submit("Afficher la période");
        assertThat(summary("acquired")).endsWith("20");
        assertThat(summary("consumed")).endsWith("5");
        assertThat(summary("closing")).endsWith("15");
        assertThat(browser.link("Exporter le relevé (CSV)").getDomAttribute("href"))
                .contains("points.csv");

        // the print view: the same statement, no forms
        browser.link("Version imprimable du relevé").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/points/impression");
        browser.assertAccessible("credits statement, print view");
        assertThat(summary("closing")).endsWith("15");
        assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
        browser.link("Retour au relevé").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/points");

        // the statement by e-mail, once a month
        browser.field("1 fois par mois").click();
        browser.submit("Valider la fréquence");
        assertThat(browser.saved()).isEqualTo("Votre relevé vous sera envoyé à la fréquence choisie.");
        assertThat(browser.field("1 fois par mois").isSelected()).isTrue();
        browser.assertAccessible("credits statement, e-mail chosen");

        // the statistics of her organisation, their CSV and their print view
        browser.open("/organisations/" + establishment.value());
        browser.link("Statistiques").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/statistiques");
        assertThat(browser.heading()).isEqualTo("Statistiques – " + establishmentName);
        browser.assertAccessible("statistics (supervisor)");
        assertThat(driver.findElements(By.cssSelector("main svg[role=img]"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=csv-link]")).getDomAttribute("href"))
                .contains("/statistiques.csv");
        driver.findElement(By.cssSelector("[data-testid=print-link]")).click();
        browser.waitForReady();
        browser.assertAccessible("statistics, print view");

        // the branding: banner and logo, previewed, published, then back to the default
        var page = "/organisations/" + establishment.value() + "/gestion-graphique";
        browser.open("/organisations/" + establishment.value());
        browser.link("Gestion graphique").click();
        browser.waitForPath(page);
        browser.assertAccessible("branding (supervisor)");
        browser.field("Image centrale du bandeau")
                .sendKeys(banner.toAbsolutePath().toString());
        browser.field("Votre logo").sendKeys(logo.toAbsolutePath().toString());
        browser.fillIn("Libellé du lien 1", "Nos consultations");
        browser.fillIn("Adresse du lien 1", "https://marches.example.fr/consultations");
        browser.submit("Enregistrer le brouillon");
        assertThat(browser.main().getText()).contains("Un bandeau personnalisé est déjà présent.");
        browser.link("Prévisualiser la page").click();
        browser.waitForPath(page + "/apercu");
        browser.assertAccessible("branding preview (supervisor)");
        browser.link("Retour à la gestion graphique").click();
        browser.waitForPath(page);
        browser.submit("Valider");
        assertThat(browser.saved()).isEqualTo("La mise en forme est publiée.");
        browser.open("/collectivites/" + establishment.value());
        assertThat(driver.findElements(By.cssSelector("[data-testid=brand-page]")))
                .isNotEmpty();
        browser.open(page);
        browser.link("Revenir à la mise en forme non personnalisée").click();
        browser.waitForPath(page + "/reinitialisation");
        browser.submit("Tout effacer");
        assertThat(browser.saved()).isEqualTo("La mise en forme personnalisée est effacée.");
        browser.assertAccessible("branding, reset");
    }

    private String summary(String line) {
        return driver.findElement(By.cssSelector("[data-testid=" + line + "]")).getText();
    }

    private WebElement cell(String person, String column) {
        var cells = driver.findElements(By.cssSelector(
                "[data-testid=matrix] input[type=checkbox][aria-label=\"" + person + " : " + column + "\"]"));
        assertThat(cells).as("one cell \"%s : %s\"", person, column).hasSize(1);
        return cells.get(0);
    }
}
