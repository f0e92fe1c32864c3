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
import fr.guichet.support.TestSmtp;
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
 * Seed 002's "Mes comptes associés" in a browser: she asks to be associated with a second
 * establishment, its super admin confirms it, she makes it her principal, then leaves it after
 * reading what she loses. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class AssociatedAccountsBrowserTest {

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

    String domain;
    OrganizationId other;
    String email;
    String superAdminEmail;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void twoEstablishments() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        var home = organizations.createEstablishment("Communauté " + domain, "CC", Set.of(domain));
        other = organizations.createEstablishment("Commune " + domain, "CY", Set.of("y" + domain));
        email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Double", "Dora", home, false, GOOD_PASSWORD);
        superAdminEmail = People.uniqueEmail("y" + domain);
        var superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MONSIEUR, "Maire", "Marc", other, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(other, superAdmin);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sheAsksIsConfirmedMakesItPrincipalAndLeavesIt() {
        var commune = "[CY] - Commune " + domain;
        browser.signIn(email, GOOD_PASSWORD);
        browser.open("/compte");
        browser.link("Mes comptes associés").click();
        browser.waitForPath("/compte/comptes-associes");
        browser.assertAccessible("associated accounts");
        browser.fillIn("Rechercher un établissement", "Commune " + domain);
        browser.submit("Rechercher");
        driver.findElement(By.xpath("//main//label[normalize-space() = '" + commune + "']"))
                .click();
        browser.submit("Demander l’association");
        assertThat(browser.saved()).startsWith("Votre demande d’association à " + commune);
        browser.assertAccessible("associated accounts, a request waiting");
        browser.signOut();

        browser.signIn(superAdminEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + other.value() + "/utilisateurs/declarations");
        browser.submit("Confirmer l’appartenance de Dora Double");
        browser.signOut();

        browser.signIn(email, GOOD_PASSWORD);
        browser.open("/compte/comptes-associes");
        browser.submit("Faire de " + commune + " mon compte principal");
        assertThat(browser.saved()).startsWith(commune + " est désormais votre compte principal");
        browser.assertAccessible("associated accounts, a new principal");
        browser.link("Quitter " + commune).click();
        browser.waitUntil("the leaving page", d -> browser.path().endsWith("/depart"));
        browser.assertAccessible("leaving an entity");
        browser.submit("Quitter " + commune + " définitivement");
        assertThat(browser.saved()).isEqualTo("Vous avez quitté " + commune + ".");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=associations]"))
                        .getText())
                .as("her memberships, the one she left gone")
                .doesNotContain("Commune " + domain);
    }
}
