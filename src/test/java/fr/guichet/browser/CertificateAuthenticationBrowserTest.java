package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.AuthenticationMethod;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestCertificates;
import fr.guichet.support.TestSmtp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 004's "Type d'authentification" in a real browser: a super admin opens a user's
 * authentication from "Gestion des utilisateurs", chooses "Certificat", first uploads the file with
 * the private key by mistake and is told, then the certificate alone, and reads which certificate
 * is registered. The sign-in page leads to the certificate sign-in, which, without a certificate
 * (this server speaks plain HTTP), says none was presented. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class CertificateAuthenticationBrowserTest {

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

    OrganizationId establishment;
    String superAdminEmail;
    AccountId jeanine;
    Path files;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void browserEstablishmentAndPeople() throws IOException {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        files = Files.createTempDirectory("guichet-certificates-");
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Ville de " + domain, "VD", Set.of(domain));
        superAdminEmail = People.uniqueEmail(domain);
        var superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MONSIEUR, "Dupont", "Pierre", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        jeanine = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Dulac", "Jeanine", establishment, false, GOOD_PASSWORD);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        try (var paths = Files.walk(files)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void anAdminSetsAUserToSignInWithHerCertificate() throws IOException {
        var certificate = new TestCertificates().person("Jeanine Dulac");
        var withKey = Files.writeString(
                files.resolve("jeanine-avec-cle.pem"), certificate.pem() + certificate.privateKeyPem());
        var alone = Files.write(files.resolve("jeanine.crt"), certificate.pem().getBytes(StandardCharsets.US_ASCII));
        var page = "/organisations/" + establishment.value() + "/utilisateurs/" + jeanine.value() + "/authentification";

        browser.signIn(superAdminEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value() + "/utilisateurs");
        browser.assertAccessible("users, with their authentication links");
        browser.link("Modifier l’authentification de Jeanine Dulac").click();
        browser.waitForPath(page);
        assertThat(browser.heading()).isEqualTo("Authentification de Jeanine Dulac");
        assertThat(browser.main().getText()).contains("Par mot de passe");
        var legend = driver.findElement(By.xpath("//main//fieldset/legend")).getText();
        assertThat(legend).startsWith("Authentification");
        assertThat(browser.field("Mot de passe").isSelected()).isTrue();
        browser.assertAccessible("a user's authentication");

        // the file with the private key, by mistake: refused, with the reason by the field
        browser.field("Certificat").click();
        browser.field("Certificat de la personne")
                .sendKeys(withKey.toAbsolutePath().toString());
        browser.submit("Enregistrer l’authentification");
        browser.waitForPath(page);
        var error = driver.findElement(By.id("certificate-error")).getText();
        assertThat(error).startsWith("Ce fichier contient une clé privée");
        assertThat(driver.findElement(By.cssSelector("[data-testid=error-summary]"))
                        .getText())
                .contains("Ce fichier contient une clé privée");
        assertThat(browser.field("Certificat").isSelected())
                .as("her choice is kept")
                .isTrue();
        assertThat(accounts.authentication(jeanine).orElseThrow().method()).isEqualTo(AuthenticationMethod.PASSWORD);
        browser.assertAccessible("a user's authentication, a file with a key refused");

        // the certificate alone
        browser.field("Certificat de la personne")
                .sendKeys(alone.toAbsolutePath().toString());
        browser.submit("Enregistrer l’authentification");
        browser.waitForPath(page);
        assertThat(browser.saved())
                .isEqualTo(
                        "Le certificat est enregistré : la personne se connecte désormais avec lui, et plus par mot de passe.");
        assertThat(driver.findElement(By.cssSelector("[data-testid=current-authentication]"))
                        .getText())
                .contains("Par certificat")
                .contains("CN=Jeanine Dulac,O=Guichet tests")
                .contains(accounts.authentication(jeanine)
                        .orElseThrow()
                        .certificate()
                        .sha256());
        assertThat(browser.field("Certificat").isSelected()).isTrue();
        browser.assertAccessible("a user's authentication, by certificate");
        browser.signOut();

        // the sign-in page offers the certificate; without one, the page says so
        browser.open("/connexion");
        browser.link("Se connecter avec un certificat").click();
        browser.waitForPath("/connexion/certificat");
        assertThat(browser.heading()).isEqualTo("Se connecter avec un certificat");
        assertThat(driver.findElement(By.cssSelector("[data-testid=certificate-refusal]"))
                        .getText())
                .isEqualTo("Aucun certificat présenté.");
        browser.assertAccessible("certificate sign-in, no certificate");
        browser.link("Se connecter avec un mot de passe").click();
        browser.waitForPath("/connexion");
    }
}
