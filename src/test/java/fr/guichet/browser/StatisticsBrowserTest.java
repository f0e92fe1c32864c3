package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent reads the agency's statistics in a real browser: the charts and their tables, another
 * period, the CSV link and the print view; then one establishment's page. Every page is checked
 * with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class StatisticsBrowserTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    String agent;
    OrganizationId establishment;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void anAgentAndAnEstablishment() {
        agent = People.uniqueEmail("agence.test");
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MADAME, "Garnier", "Hélène", null, false, GOOD_PASSWORD));
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
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
    void anAgentReadsTheAgencysStatisticsChangesThePeriodExportsAndPrints() {
        browser.signIn(agent, GOOD_PASSWORD);
        browser.open("/agence/statistiques");
        assertThat(browser.heading()).isEqualTo("Statistiques – toute l’agence");
        assertThat(browser.field("Les 3 derniers mois").isSelected()).isTrue();
        assertThat(driver.findElements(By.cssSelector("main svg[role=img]"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-testid=ranking-filed] caption")))
                .hasSize(1);
        browser.assertAccessible("agency statistics");
        var before = text("[data-testid=period]");

        browser.field("Les 12 derniers mois").click();
        browser.submit("Afficher la période");
        browser.waitUntil("the period shown", d -> !text("[data-testid=period]").equals(before));
        assertThat(browser.field("Les 12 derniers mois").isSelected()).isTrue();
        assertThat(driver.findElements(By.cssSelector("[data-testid=chart-months-filed-table] tbody tr")))
                .hasSize(12);
        browser.assertAccessible("agency statistics, 12 months");

        browser.field("Autre période").click();
        // a date field takes what a person types in his locale's order: set its value as the picker would
        date("Du", "2026-03-02");
        date("Au", "2026-03-01");
        browser.submit("Afficher la période");
        browser.waitUntil(
                "the problem said",
                d -> !d.findElements(By.cssSelector("[data-testid=period-problem]"))
                        .isEmpty());
        assertThat(text("[data-testid=period-problem]"))
                .isEqualTo("Le dernier jour de la période précède le premier : voici les 3 derniers mois.");
        browser.assertAccessible("agency statistics, period refused");

        browser.field("Les 6 derniers mois").click();
        browser.submit("Afficher la période");
        browser.waitUntil("six months", d -> d.getCurrentUrl().contains("periode=6"));
        assertThat(browser.link("Exporter ces chiffres (CSV)").getDomAttribute("href"))
                .isEqualTo("/agence/statistiques.csv?periode=6");

        browser.link("Imprimer").click();
        browser.waitUntil("the print view", d -> d.getCurrentUrl().contains("impression"));
        assertThat(driver.findElements(By.cssSelector("header nav")))
                .as("no navigation")
                .isEmpty();
        assertThat(browser.heading()).isEqualTo("Statistiques – toute l’agence");
        browser.assertAccessible("agency statistics, print view");
        browser.link("Revenir aux statistiques").click();
        browser.waitUntil("back", d -> !d.getCurrentUrl().contains("impression"));

        browser.open("/organisations/" + establishment.value() + "/statistiques");
        assertThat(browser.heading()).startsWith("Statistiques – Université ");
        browser.assertAccessible("an establishment's statistics");
    }

    private void date(String label, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", browser.field(label), value);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
