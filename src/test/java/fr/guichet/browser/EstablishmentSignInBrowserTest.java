package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.Keycloak;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Se connecter avec mon établissement" in a real browser: a platform admin adds his establishment's
 * SAML provider on his page; a member of that establishment who has no account yet chooses it, signs
 * in on the provider's own page (Keycloak's), completes his civility and is in; "Mon compte" shows
 * the identity he signs in with. Every page of the portal on the way is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith({SoftAssertionsExtension.class, Keycloak.class})
class EstablishmentSignInBrowserTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    String domain;
    String establishmentName;
    String adminEmail;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void browserEstablishmentAndAdmin() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        establishmentName = "Université du Val " + domain;
        organizations.createEstablishment(establishmentName, null, Set.of(domain));
        adminEmail = People.uniqueEmail();
        accounts.createVerified(adminEmail, Civility.MADAME, "Lemaire", "Sophie", null, true, GOOD_PASSWORD);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aMemberSignsInThroughHisEstablishmentsProviderForTheFirstTime() throws Exception {
        var providerName = "Compte " + establishmentName;

        // the platform admin adds the provider
        browser.signIn(adminEmail, GOOD_PASSWORD);
        driver.findElement(By.xpath("//header//a[normalize-space() = 'Fournisseurs d’identité']"))
                .click();
        browser.waitForPath("/administration/fournisseurs-identite");
        browser.assertAccessible("identity providers");
        browser.link("Ajouter un fournisseur SAML").click();
        browser.waitForPath("/administration/fournisseurs-identite/nouveau");
        browser.assertAccessible("a new SAML provider");
        browser.fillIn("Nom affiché", providerName);
        new Select(browser.field("Établissement")).selectByVisibleText(establishmentName);
        browser.fillIn("Identifiant d’entité (entityID)", Keycloak.realmUrl());
        browser.fillIn("Adresse de connexion unique (SSO, redirection HTTP)", Keycloak.realmUrl() + "/protocol/saml");
        browser.fillIn("Certificat de signature (PEM)", Keycloak.samlCertificate());
        browser.submit("Ajouter le fournisseur");
        assertThat(browser.saved()).isEqualTo("Le fournisseur a été ajouté. Il est actif.");
        browser.assertAccessible("a SAML provider, saved");
        browser.signOut();

        // a member of the establishment, unknown to the portal, chooses it
        var username = "m" + Long.toHexString(System.nanoTime());
        var email = username + "@" + domain;
        Keycloak.createUser(username, "pw-" + username, email, "Yanis", "Robert", Map.of("eppn", List.of(email)));
        browser.open("/connexion");
        browser.link("Se connecter avec mon établissement").click();
        browser.waitForPath("/connexion/etablissement");
        browser.assertAccessible("the establishment chooser");
        browser.fillIn("Nom de votre établissement", "universite du val " + domain);
        browser.submit("Chercher l’établissement");
        browser.assertAccessible("the establishment chooser, searched");
        browser.link("Se connecter avec " + providerName).click();

        // the provider's own page
        browser.waitUntil(
                "the provider's sign-in page",
                d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("pw-" + username);
        driver.findElement(By.id("kc-login")).click();

        // back on the portal: only the civility is asked
        browser.waitForPath("/connexion/etablissement/completer");
        assertThat(browser.main().getText()).contains(email).contains("Robert").contains(establishmentName);
        assertThat(driver.findElements(By.id("lastName"))).isEmpty();
        browser.assertAccessible("completing one's account");
        browser.field("Monsieur").click();
        browser.submit("Créer mon compte et me connecter");
        browser.waitForPath("/");
        assertThat(driver.findElement(By.cssSelector("[data-testid=header-person]"))
                        .getText())
                .contains("Yanis Robert");

        // his account says how he signs in
        browser.open("/compte/identites");
        assertThat(driver.findElement(By.cssSelector("[data-testid=identities]"))
                        .getText())
                .contains(providerName);
        browser.assertAccessible("my identities");
    }
}
