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
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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

    @BeforeEach
    void browserAndEstablishment() {
        chromium = Chromium.start();
        driver = chromium.driver();
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
        open("/inscription");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(heading()).isEqualTo("Créer un compte");
        assertThat(driver.findElement(By.cssSelector("[aria-current=step]")).getText()).contains("Adresse e-mail");
        assertAccessible("registration, step 1");
        fillIn("Adresse e-mail professionnelle", "pas-une-adresse");
        clickButton("Étape suivante");
        var summary = waitUntil("an error summary", visibilityOfElementLocated(By.cssSelector("[data-testid=error-summary]")));
        assertThat(summary.getText()).contains("Saisissez une adresse e-mail valide");
        waitUntil("the focus on the error summary", d -> summary.equals(d.switchTo().activeElement()));
        assertThat(field("Adresse e-mail professionnelle").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("registration, step 1 with an error");
        fillIn("Adresse e-mail professionnelle", email);
        clickButton("Étape suivante");

        // Step 2: the establishment owning the e-mail's domain is suggested and chosen already
        waitForPath("/inscription/etablissement");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("D’après votre adresse e-mail, nous vous proposons : " + establishment);
        assertThat(field(establishment).isSelected()).as("the suggested establishment is chosen").isTrue();
        assertAccessible("registration, step 2");
        clickButton("Étape suivante");

        // Step 3: who she is
        waitForPath("/inscription/coordonnees");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Établissement : " + establishment);
        assertAccessible("registration, step 3");
        field("Madame").click();
        fillIn("Nom", "Martin");
        fillIn("Prénom", "Claire");
        fillIn("Téléphone fixe", "01 23 45 67 89");
        new Select(field("Domaine")).selectByVisibleText("Achats");
        fillIn("Titre (fonction)", "Responsable des achats");
        fillIn("Lieu de rattachement", "Direction des achats");
        field("Achats").click(); // the interest domain (the select above is labelled "Domaine")
        driver.findElement(By.id("consent")).click();
        chromium.screenshot("registration-step-3");
        clickButton("Valider ma demande");

        waitForPath("/inscription/envoyee");
        assertThat(heading()).isEqualTo("Vérifiez votre messagerie");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(email);
        assertAccessible("registration sent");

        // The activation mail, read on the local mailbox page
        var activation = activationLink(email);
        assertThat(activation).startsWith("/activation?jeton=");
        open(activation);
        assertThat(heading()).isEqualTo("Choisissez votre mot de passe");
        assertAccessible("activation");
        fillIn("Nouveau mot de passe", GOOD_PASSWORD);
        fillIn("Confirmation du mot de passe", GOOD_PASSWORD);
        clickButton("Activer mon compte");

        waitForPath("/connexion");
        assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("active");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Votre compte est activé. Vous pouvez vous connecter.");
        assertAccessible("sign-in after activation");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
        clickButton("Se connecter");

        // Mon compte
        waitForPath("/compte");
        assertThat(heading()).isEqualTo("Mon compte");
        var person = driver.findElement(By.cssSelector("[data-testid=header-person]"));
        assertThat(person.getText()).contains("Claire Martin");
        assertThat(person.findElement(By.cssSelector("[data-testid=acting-organization]")).getText()).isEqualTo(establishment);
        assertThat(driver.findElement(By.cssSelector("[data-testid=memberships]")).getText()).contains(establishment);
        assertThat(field("Téléphone fixe").getDomProperty("value")).isEqualTo("01 23 45 67 89");
        assertAccessible("Mon compte");
        chromium.screenshot("mon-compte");

        fillIn("Téléphone mobile", "06 12 34 56 78");
        clickButton("Enregistrer");
        var saved = waitUntil("the saved message", visibilityOfElementLocated(By.cssSelector("[data-testid=saved]")));
        assertThat(saved.getText()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(path()).isEqualTo("/compte");
        assertAccessible("Mon compte, saved");

        driver.navigate().refresh();
        waitForPath("/compte");
        assertThat(driver.findElements(By.cssSelector("[data-testid=saved]"))).as("the message is shown once").isEmpty();
        assertThat(field("Téléphone mobile").getDomProperty("value")).isEqualTo("06 12 34 56 78");
    }

    /** Waits for the activation mail on /dev/mailbox; returns its link's path and query. */
    private String activationLink(String email) {
        var mail = new WebDriverWait(driver, TIMEOUT)
                .withMessage("no mail to " + email + " on /dev/mailbox")
                .until(d -> {
                    open("/dev/mailbox");
                    return d.findElements(By.cssSelector("[data-testid=mail]")).stream()
                            .filter(m -> m.findElement(By.cssSelector("[data-testid=mail-to]")).getText().equals(email))
                            .findFirst()
                            .orElse(null);
                });
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Guichet : activez votre compte");
        assertAccessible("local mailbox");
        var link = mail.findElement(By.cssSelector("a[href*='/activation?jeton=']")).getDomAttribute("href");
        // mails link to guichet.base-url (http://localhost:8080); this server listens elsewhere
        var uri = URI.create(link);
        assertThat(uri.getHost()).isEqualTo("localhost");
        return uri.getRawPath() + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    private void open(String pathAndQuery) {
        driver.get("http://localhost:" + port + pathAndQuery);
        waitForPath(URI.create(pathAndQuery).getPath());
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, TIMEOUT)
                .withMessage(() -> "expected to be on " + path + ", but on " + driver.getCurrentUrl())
                .until(d -> path.equals(path()) && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).withMessage("waiting for " + what).until(condition);
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The form control a person finds by its label (the "*" of required fields left out). */
    private WebElement field(String label) {
        var labels = driver.findElements(By.xpath(
                "//label[normalize-space(translate(., '*\u00A0', '  ')) = " + xpathLiteral(label) + "]"));
        assertThat(labels).as("one label \"%s\"", label).hasSize(1);
        var id = labels.get(0).getDomAttribute("for");
        assertThat(id).as("label \"%s\" names its control", label).isNotBlank();
        return driver.findElement(By.id(id));
    }

    private void fillIn(String label, String value) {
        var input = field(label);
        input.clear();
        input.sendKeys(value);
    }

    private void clickButton(String text) {
        driver.findElement(By.xpath("//button[normalize-space() = " + xpathLiteral(text) + "]")).click();
    }

    /** Checked softly: the journey goes on, and the test fails at its end with every page's violations. */
    private void assertAccessible(String page) {
        softly.assertThat(Accessibility.seriousViolations(driver, page)).as("axe on " + page).isEmpty();
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
