package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A buyer of Alsace chooses his places by région then its départements, as seed 002 shows it. */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class PlacesBrowserTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    String email;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void aMemberOfAnEstablishment() {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Collectivité " + domain, "CEA", Set.of(domain));
        email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Muller", "Anne", establishment, false, GOOD_PASSWORD);
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
    void sheChoosesTheDépartementsOfARégion() {
        browser.signIn(email, GOOD_PASSWORD);
        browser.open("/compte");
        var page = driver.findElement(By.tagName("html"));
        browser.link("Mes préférences « Lieu d’exécution »").click();
        browser.waitUntil("the places page", Browser.replaced(page));
        browser.waitForPath("/compte/lieux");
        assertThat(summary()).isEqualTo("Vous n’avez choisi aucun lieu.");
        browser.assertAccessible("places, nothing chosen");

        browser.field("Par département(s) d’une région").click();
        browser.submit("Afficher la liste");
        browser.field("Grand Est").click();
        browser.assertAccessible("places, the régions to choose from");
        browser.submit("Afficher ses départements");
        assertThat(browser.main()
                        .findElement(By.xpath(".//form//fieldset/legend[starts-with(., 'Départements')]"))
                        .getText())
                .isEqualTo("Départements de la région Grand Est");
        browser.assertAccessible("places, the départements of Grand Est");

        browser.field("(67) Bas-Rhin").click();
        browser.field("(68) Haut-Rhin").click();
        browser.submit("Enregistrer ma sélection");

        assertThat(browser.saved()).isEqualTo("Vos préférences « Lieu d’exécution » sont enregistrées.");
        assertThat(summary()).isEqualTo("(67) Bas-Rhin, (68) Haut-Rhin");
        assertThat(browser.field("(67) Bas-Rhin").isSelected()).isTrue();
        assertThat(browser.field("(57) Moselle").isSelected()).isFalse();
        browser.assertAccessible("places, saved");
    }

    private String summary() {
        return driver.findElement(By.cssSelector("[data-testid=places-summary]"))
                .getText();
    }
}
