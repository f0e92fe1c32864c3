package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.branding.TestImages;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A town's super admin gives it its look, in a real browser: uploads a banner and a logo, picks
 * green, writes the welcome text and a link, previews the page, publishes it, sees it as any
 * visitor does, then goes back to the plain look. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class BrandingJourneyBrowserTest {

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

    OrganizationId town;
    String superAdmin;
    Path files;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void aTownAndItsSuperAdmin() throws IOException {
        var domain = People.uniqueDomain();
        town = organizations.createEstablishment("Ville de Colmar " + domain, "COLMAR", Set.of(domain));
        superAdmin = People.uniqueEmail(domain);
        delegation.nameFirstSuperAdmin(
                town,
                accounts.createVerified(superAdmin, Civility.MADAME, "Keller", "Odile", town, false, GOOD_PASSWORD));
        files = Files.createTempDirectory("guichet-branding-");
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        try (var paths = Files.walk(files)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theSuperAdminUploadsPreviewsPublishesSeesThePublicPageAndResets() throws Exception {
        var banner = Files.write(files.resolve("bandeau.jpg"), TestImages.banner());
        var logo = Files.write(files.resolve("logo.gif"), TestImages.logo());
        var page = "/organisations/" + town.value() + "/gestion-graphique";

        browser.signIn(superAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + town.value());
        browser.link("Gestion graphique").click();
        browser.waitForPath(page);
        browser.assertAccessible("branding");

        browser.field("Image centrale du bandeau")
                .sendKeys(banner.toAbsolutePath().toString());
        browser.field("Votre logo").sendKeys(logo.toAbsolutePath().toString());
        browser.field("Vert").click();
        browser.fillIn("Titre du texte d’accueil", "Bienvenue aux entreprises");
        browser.fillIn("Texte d’accueil", "Retrouvez ici les consultations de la ville.");
        browser.field("À droite").click();
        browser.fillIn("Libellé du lien 1", "Profil acheteur");
        browser.fillIn("Adresse du lien 1", "https://marches.example.fr/colmar");
        browser.submit("Enregistrer le brouillon");
        assertThat(browser.saved()).contains("brouillon est enregistré");
        assertThat(browser.main().getText()).contains("Un bandeau personnalisé est déjà présent.");
        var test = browser.main().findElement(By.cssSelector("[data-testid=test-link]"));
        assertThat(test.getText()).startsWith("Tester ce lien");
        assertThat(test.getDomAttribute("target")).isEqualTo("_blank");
        browser.assertAccessible("branding with a draft");
        chromium.screenshot("branding-form");

        browser.link("Prévisualiser la page").click();
        browser.waitForPath(page + "/apercu");
        assertThat(shownWidth("banner")).isEqualTo(464);
        assertThat(shownWidth("logo")).isEqualTo(247);
        browser.assertAccessible("preview");
        chromium.screenshot("branding-preview");
        browser.link("Retour à la gestion graphique").click();
        browser.waitForPath(page);

        browser.submit("Valider");
        assertThat(browser.saved()).isEqualTo("La mise en forme est publiée.");
        browser.signOut();

        browser.open("/collectivites/" + town.value());
        assertThat(browser.heading()).startsWith("Ville de Colmar");
        assertThat(shownWidth("banner")).isEqualTo(464);
        assertThat(shownWidth("logo")).isEqualTo(247);
        var welcome = driver.findElement(By.cssSelector("[data-testid=welcome]"));
        assertThat(welcome.getText()).contains("Bienvenue aux entreprises", "consultations de la ville");
        assertThat(welcome.getDomAttribute("data-side")).isEqualTo("RIGHT");
        // on the right: after the links, as the eye reads the row
        var links = driver.findElement(By.cssSelector("[data-testid=links]"));
        assertThat(welcome.getRect().getX()).isGreaterThan(links.getRect().getX());
        assertThat(backgroundOf("[data-testid=brand-page] .brand-band")).isIn("rgb(30, 86, 49)", "rgba(30, 86, 49, 1)");
        browser.assertAccessible("public home page");
        chromium.screenshot("branding-public-page");

        browser.signIn(superAdmin, GOOD_PASSWORD);
        browser.open(page);
        browser.link("Revenir à la mise en forme non personnalisée").click();
        browser.waitForPath(page + "/reinitialisation");
        browser.assertAccessible("reset confirmation");
        browser.submit("Tout effacer");
        assertThat(browser.saved()).isEqualTo("La mise en forme personnalisée est effacée.");
        browser.signOut();
        driver.get("http://localhost:" + port + "/collectivites/" + town.value());
        browser.waitForReady();
        assertThat(driver.findElements(By.cssSelector("[data-testid=brand-page]")))
                .isEmpty();
    }

    /** The width the browser decoded the image at: 0 when it did not load. */
    private long shownWidth(String testId) {
        WebElement image = driver.findElement(By.cssSelector("img[data-testid=" + testId + "]"));
        browser.waitUntil(testId + " loaded", d ->
                (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete", image));
        return (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", image);
    }

    private String backgroundOf(String selector) {
        return driver.findElement(By.cssSelector(selector)).getCssValue("background-color");
    }
}
