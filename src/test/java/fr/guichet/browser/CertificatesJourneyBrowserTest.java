package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestCertificates;
import fr.guichet.support.TestSmtp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An organisation's encryption certificate, as the people concerned live it in a real browser: the
 * super admin creates a sub-organisation with a certificate of its own, tries to grant a role there
 * and is told to request the certificate first; requests it (after a wrong postal code), then grants;
 * an agent takes the request, installs the certificate and ships the supports; the super admin finds
 * the certificate in the organisation's list. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class CertificatesJourneyBrowserTest {

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
    String domain;
    String superAdmin;
    String agent;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void establishmentAndPeople() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Ville de " + domain, "VDC", Set.of(domain));
        superAdmin = People.uniqueEmail(domain);
        var superAdminId = accounts.createVerified(
                superAdmin, Civility.MONSIEUR, "Dupont", "Pierre", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdminId);
        var agencyDomain = People.uniqueDomain();
        var agency = organizations.createEstablishment("Agence " + agencyDomain, "AG", Set.of(agencyDomain));
        agent = People.uniqueEmail(agencyDomain);
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MADAME, "Agent", "Alice", agency, false, GOOD_PASSWORD));
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewSubOrganisationRequestsItsCertificateBeforeGrantingAndTheAgencyInstallsIt() throws Exception {
        var subName = "Service des marchés " + domain;
        browser.signIn(superAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value());
        browser.link("Créer une sous-collectivité").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/sous-organisations/nouvelle");
        browser.fillIn("Nom de la collectivité", subName);
        browser.field("Petite collectivité").click();
        browser.submit("Valider");
        // no choice about the certificate: said, nothing created
        assertThat(browser.main().getText())
                .contains(
                        "Choisissez d’hériter des certificats de l’organisation parente ou de demander un certificat propre.");
        browser.assertAccessible("sub-organisation form, certificate not chosen");
        browser.field("Demander un certificat propre à la nouvelle organisation (à faire avant d’attribuer des droits)")
                .click();
        browser.submit("Valider");
        var path = browser.path();
        assertThat(path).matches("/organisations/\\d+");
        var sub = new OrganizationId(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
        assertThat(driver.findElement(By.cssSelector("[data-testid=home-awaits-request]"))
                        .getText())
                .contains("tant qu’une demande de certificat de chiffrement n’a pas été faite");
        browser.assertAccessible("sub-organisation home, rights waiting for a certificate");

        // a buyer to be: the role waits for the certificate request, and the page says where to go
        var buyerName = "Bernard Achat";
        accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Achat", "Bernard", sub, false, GOOD_PASSWORD);
        browser.link("Définir les intervenants").click();
        browser.waitForPath("/organisations/" + sub.value() + "/intervenants");
        assertThat(driver.findElement(By.cssSelector("[data-testid=grants-wait]"))
                        .getText())
                .contains("Demander le certificat de chiffrement");
        browser.assertAccessible("roles matrix, rights waiting for a certificate");
        cell(buyerName, "Acheteur").click();
        browser.submit("Enregistrer");
        assertThat(browser.refusal()).startsWith("Aucun rôle ni droit ne peut être attribué dans cette organisation");
        assertThat(cell(buyerName, "Acheteur").isSelected()).isFalse();

        // the request, from the link the refusal's page gives
        browser.link("Demander le certificat de chiffrement").click();
        browser.waitForPath("/organisations/" + sub.value() + "/certificats");
        assertThat(browser.heading()).isEqualTo("Certificats de chiffrement de « " + subName + " »");
        browser.assertAccessible("certificates, none yet");
        browser.link("Demander le certificat de chiffrement").click();
        browser.waitForPath("/organisations/" + sub.value() + "/certificats/demande");
        browser.assertAccessible("certificate request form");
        assertThat(browser.field("Clé USB").isSelected()).isTrue();
        browser.fillIn("Nom et prénom du destinataire", "Pierre Dupont");
        browser.fillIn("Adresse de livraison", "2 rue de la Mairie");
        browser.fillIn("Code postal", "123");
        browser.fillIn("Ville", "Montval");
        browser.fillIn("Nombre de supports", "2");
        browser.submit("Envoyer la demande");
        assertThat(driver.findElement(By.cssSelector("[data-testid=error-summary]"))
                        .getText())
                .contains("Saisissez un code postal français à 5 chiffres, par exemple 69003.");
        browser.assertAccessible("certificate request form, wrong postal code");
        browser.fillIn("Code postal", "38000");
        browser.submit("Envoyer la demande");
        assertThat(browser.saved()).startsWith("Votre demande de certificat est enregistrée");
        var request =
                driver.findElement(By.cssSelector("[data-testid=request]")).getText();
        assertThat(request)
                .contains("Demandée", "Pierre Dupont", "2 rue de la Mairie", "38000", "Montval", "Clé USB", "2");
        browser.assertAccessible("certificates, request made");

        // now the role is granted
        browser.open("/organisations/" + sub.value() + "/intervenants");
        assertThat(driver.findElements(By.cssSelector("[data-testid=grants-wait]")))
                .isEmpty();
        cell(buyerName, "Acheteur").click();
        browser.submit("Enregistrer");
        assertThat(browser.saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(cell(buyerName, "Acheteur").isSelected()).isTrue();
        browser.signOut();

        // the agency takes the request, installs the certificate and ships the supports
        var issued = new TestCertificates().person("Service des marchés");
        var file = Files.createTempDirectory("guichet-certificates-").resolve("certificat.pem");
        Files.writeString(file, issued.pem(), StandardCharsets.US_ASCII);
        browser.signIn(agent, GOOD_PASSWORD);
        browser.headerLink("Certificats").click();
        browser.waitForPath("/agence/certificats");
        browser.assertAccessible("agency's certificate requests");
        var queued = driver.findElements(By.cssSelector("[data-testid=queued]")).stream()
                .filter(r -> r.getText().contains(subName))
                .findFirst()
                .orElseThrow();
        queued.findElement(By.tagName("a")).click();
        browser.waitForReady();
        assertThat(browser.heading()).startsWith("Demande n° ");
        browser.assertAccessible("agency's certificate request");
        browser.submit("Prendre en charge");
        assertThat(browser.saved()).startsWith("La demande a avancé d’une étape");
        assertThat(driver.findElement(By.cssSelector("[data-testid=status]")).getText())
                .isEqualTo("En cours de traitement");
        browser.field("Certificat public à installer")
                .sendKeys(file.toAbsolutePath().toString());
        browser.submit("Installer le certificat");
        assertThat(driver.findElement(By.cssSelector("[data-testid=status]")).getText())
                .isEqualTo("Certificat installé");
        browser.assertAccessible("agency's certificate request, installed");
        browser.submit("Indiquer les supports expédiés");
        assertThat(driver.findElement(By.cssSelector("[data-testid=status]")).getText())
                .isEqualTo("Supports expédiés");
        browser.signOut();

        // the super admin finds the certificate in the organisation's list
        browser.signIn(superAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + sub.value());
        browser.link("Certificats de chiffrement").click();
        browser.waitForPath("/organisations/" + sub.value() + "/certificats");
        var certificate =
                driver.findElement(By.cssSelector("[data-testid=certificate]")).getText();
        assertThat(certificate).contains("CN=Service des marchés", "Issu d’une demande (installé par l’Agence)");
        assertThat(driver.findElement(By.cssSelector("[data-testid=request]")).getText())
                .contains("Supports expédiés");
        browser.assertAccessible("certificates, installed and shipped");
    }

    private WebElement cell(String person, String column) {
        var cells = driver.findElements(By.cssSelector(
                "[data-testid=matrix] input[type=checkbox][aria-label=\"" + person + " : " + column + "\"]"));
        assertThat(cells).as("one cell \"%s : %s\"", person, column).hasSize(1);
        return cells.get(0);
    }
}
