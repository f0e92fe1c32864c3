package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.net.URI;
import java.util.Set;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registration as a member lives it, in a real browser: three steps, the activation mail, the
 * password, signing in, and a first change in "Mon compte". Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class RegistrationJourneyBrowserTest {

    /** Receives what the dispatcher sends; the test reads the mail on the local mailbox page. */
    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    String domain;
    String establishment;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void browserAndEstablishment() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        var name = "Université de " + domain;
        organizations.createEstablishment(name, "ACR", Set.of(domain));
        establishment = "[ACR] - " + name;
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aMemberRegistersActivatesHerAccountSignsInAndChangesHerCoordinates() {
        var email = People.uniqueEmail(domain);

        // Step 1: the e-mail, mistyped first
        browser.open("/inscription");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("fr");
        assertThat(browser.heading()).isEqualTo("Créer un compte");
        assertThat(driver.findElement(By.cssSelector("[aria-current=step]")).getText())
                .contains("Adresse e-mail");
        browser.assertAccessible("registration, step 1");
        browser.fillIn("Adresse e-mail professionnelle", "pas-une-adresse");
        browser.clickButton("Étape suivante");
        var summary = browser.waitUntil(
                "an error summary", visibilityOfElementLocated(By.cssSelector("[data-testid=error-summary]")));
        assertThat(summary.getText()).contains("Saisissez une adresse e-mail valide");
        browser.waitUntil(
                "the focus on the error summary",
                d -> summary.equals(d.switchTo().activeElement()));
        assertThat(browser.field("Adresse e-mail professionnelle").getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertAccessible("registration, step 1 with an error");
        browser.fillIn("Adresse e-mail professionnelle", email);
        browser.clickButton("Étape suivante");

        // Step 2: the establishment owning the e-mail's domain is suggested and chosen already
        browser.waitForPath("/inscription/etablissement");
        assertThat(browser.main().getText())
                .contains("D’après votre adresse e-mail, nous vous proposons : " + establishment);
        assertThat(browser.field(establishment).isSelected())
                .as("the suggested establishment is chosen")
                .isTrue();
        browser.assertAccessible("registration, step 2");
        browser.clickButton("Étape suivante");

        // Step 3: who she is
        browser.waitForPath("/inscription/coordonnees");
        assertThat(browser.main().getText()).contains("Établissement : " + establishment);
        browser.assertAccessible("registration, step 3");
        browser.field("Madame").click();
        browser.fillIn("Nom", "Martin");
        browser.fillIn("Prénom", "Claire");
        browser.fillIn("Téléphone fixe", "01 23 45 67 89");
        new Select(browser.field("Domaine")).selectByVisibleText("Achats");
        browser.fillIn("Titre (fonction)", "Responsable des achats");
        browser.fillIn("Lieu de rattachement", "Direction des achats");
        browser.field("Achats").click(); // the interest domain (the select above is labelled "Domaine")
        driver.findElement(By.id("consent")).click();
        chromium.screenshot("registration-step-3");
        browser.clickButton("Valider ma demande");

        browser.waitForPath("/inscription/envoyee");
        assertThat(browser.heading()).isEqualTo("Vérifiez votre messagerie");
        assertThat(browser.main().getText()).contains(email);
        browser.assertAccessible("registration sent");

        // The activation mail, read on the local mailbox page
        var activation = activationLink(email);
        assertThat(activation).startsWith("/activation?jeton=");
        browser.open(activation);
        assertThat(browser.heading()).isEqualTo("Choisissez votre mot de passe");
        browser.assertAccessible("activation");
        browser.fillIn("Nouveau mot de passe", GOOD_PASSWORD);
        browser.fillIn("Confirmation du mot de passe", GOOD_PASSWORD);
        browser.clickButton("Activer mon compte");

        browser.waitForPath("/connexion");
        assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("active");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Votre compte est activé. Vous pouvez vous connecter.");
        browser.assertAccessible("sign-in after activation");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
        browser.clickButton("Se connecter");

        // the home page, then Mon compte
        browser.waitForPath("/");
        assertThat(browser.heading()).isEqualTo("Bienvenue sur Guichet");
        browser.headerLink("Mon compte").click();
        browser.waitForPath("/compte");
        assertThat(browser.heading()).isEqualTo("Mon compte");
        var person = driver.findElement(By.cssSelector("[data-testid=header-person]"));
        assertThat(person.getText()).contains("Claire Martin");
        assertThat(person.findElement(By.cssSelector("[data-testid=acting-organization]"))
                        .getText())
                .isEqualTo(establishment);
        assertThat(driver.findElement(By.cssSelector("[data-testid=memberships]"))
                        .getText())
                .contains(establishment);
        assertThat(browser.field("Téléphone fixe").getDomProperty("value")).isEqualTo("01 23 45 67 89");
        browser.assertAccessible("Mon compte");
        chromium.screenshot("mon-compte");

        browser.fillIn("Téléphone mobile", "06 12 34 56 78");
        browser.clickButton("Enregistrer");
        var saved = browser.waitUntil(
                "the saved message", visibilityOfElementLocated(By.cssSelector("[data-testid=saved]")));
        assertThat(saved.getText()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(browser.path()).isEqualTo("/compte");
        browser.assertAccessible("Mon compte, saved");

        driver.navigate().refresh();
        browser.waitForPath("/compte");
        assertThat(driver.findElements(By.cssSelector("[data-testid=saved]")))
                .as("the message is shown once")
                .isEmpty();
        assertThat(browser.field("Téléphone mobile").getDomProperty("value")).isEqualTo("06 12 34 56 78");
    }

    /** Waits for the activation mail on /dev/mailbox; returns its link's path and query. */
    private String activationLink(String email) {
        var mail = browser.mailTo(email);
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Guichet : activez votre compte");
        browser.assertAccessible("local mailbox");
        return Browser.activationPath(mail);
    }
}
