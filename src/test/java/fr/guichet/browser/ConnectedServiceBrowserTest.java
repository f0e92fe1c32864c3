package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.util.Locale;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A platform admin connects a catalogue service to Guichet from his pages (a refused address first,
 * then the secrets shown once), and a member without a grant, sent by that service to sign in, is told
 * so and finds the service in the catalogue to ask for it. Every page checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class ConnectedServiceBrowserTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    ServiceCatalogue services;

    String serviceName;
    ServiceId service;
    String admin;
    String member;
    Chromium chromium;
    Browser browser;

    @BeforeEach
    void aServiceAnAdminAndAMemberWithoutGrant() {
        Chromium.assumeInstalled();
        var suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        serviceName = "Salle des marchés " + suffix;
        service = services.define(new ServiceDefinition(
                "SDM-" + suffix,
                serviceName,
                "Marchés publics.",
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        var domain = People.uniqueDomain();
        OrganizationId establishment =
                organizations.createEstablishment("Université " + suffix, "U" + suffix, Set.of(domain));
        member = People.uniqueEmail(domain);
        accounts.createVerified(member, Civility.MONSIEUR, "Moreau", "Luc", establishment, false, GOOD_PASSWORD);
        admin = People.uniqueEmail("agence.test");
        accounts.createVerified(admin, Civility.MADAME, "Agence", "Anne", null, true, GOOD_PASSWORD);
        chromium = Chromium.start();
        browser = new Browser(chromium.driver(), port, softly);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdminConnectsTheServiceAndAMemberWithoutGrantIsSentToAskForIt() {
        browser.signIn(admin, GOOD_PASSWORD);
        browser.open("/administration/services");
        browser.link("Services connectés").click();
        browser.waitForPath("/administration/services-connectes");
        browser.assertAccessible("connected services");
        browser.link(serviceName).click();
        browser.waitForPath("/administration/services-connectes/" + service.value());
        browser.assertAccessible("connect a service (form)");

        browser.fillIn("Adresses de retour après connexion", "http://sdm.exemple.fr/login/oauth2/code/guichet");
        browser.submit("Connecter ce service");
        var summary = browser.main().findElement(By.cssSelector("[data-testid=error-summary]"));
        assertThat(summary.getText())
                .contains("« http://sdm.exemple.fr/login/oauth2/code/guichet » doit commencer par https://");
        browser.assertAccessible("connect a service (refused address)");

        browser.fillIn("Adresses de retour après connexion", "https://sdm.exemple.fr/login/oauth2/code/guichet");
        browser.fillIn("Adresse des webhooks", "https://sdm.exemple.fr/guichet/webhooks");
        browser.submit("Connecter ce service");
        assertThat(browser.saved()).isEqualTo("Le service est connecté. Transmettez-lui ses secrets.");
        var clientId = browser.main()
                .findElement(By.cssSelector("[data-testid=client-id]"))
                .getText();
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=client-secret]"))
                        .getText())
                .hasSizeGreaterThan(40);
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .isEqualTo("Connecté");
        browser.assertAccessible("connect a service (secrets shown once)");
        browser.open("/administration/services-connectes/" + service.value());
        assertThat(browser.main().findElements(By.cssSelector("[data-testid=secrets]")))
                .as("shown once only")
                .isEmpty();
        browser.signOut();

        browser.signIn(member, GOOD_PASSWORD);
        browser.open("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&scope=openid&state=s1&redirect_uri=https://sdm.exemple.fr/login/oauth2/code/guichet"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertThat(browser.heading()).isEqualTo("Accès non accordé");
        assertThat(browser.main().getText()).contains("Vous n’avez pas d’habilitation pour « " + serviceName + " »");
        browser.assertAccessible("refused by a connected service");
        browser.link("Demander l’accès à « " + serviceName + " » dans le catalogue")
                .click();
        browser.waitForPath("/services");
        assertThat(chromium.driver()
                        .findElement(By.id("service-" + service.value()))
                        .getText())
                .contains(serviceName, "Ajouter aux outils et services");
    }
}
