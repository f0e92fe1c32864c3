package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.util.Map;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The header of a person with several memberships, on a 1366×768 screen (the most common office
 * laptop): whom he acts for is shown whole, under its label, and he switches to another.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class ActingOrganizationBrowserTest {

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

    String first;
    String second;
    String email;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    /** The fullest header there is: a platform admin, super admin of one of his two establishments. */
    @BeforeEach
    void platformAdminOfTwoEstablishmentsWithLongNames() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var domain = People.uniqueDomain();
        first = "[UMV" + suffix + "] - Université de Montval, direction des achats et des marchés " + suffix;
        second = "[CROUS" + suffix + "] - Centre régional des œuvres universitaires de Montval " + suffix;
        var montval = organizations.createEstablishment(
                "Université de Montval, direction des achats et des marchés " + suffix, "UMV" + suffix, Set.of(domain));
        var crous = organizations.createEstablishment(
                "Centre régional des œuvres universitaires de Montval " + suffix,
                "CROUS" + suffix,
                Set.of(People.uniqueDomain()));
        email = People.uniqueEmail(domain);
        var person = accounts.createVerified(email, Civility.MADAME, "Martin", "Claire", montval, true, GOOD_PASSWORD);
        accounts.join(person, crous, "-");
        delegation.nameFirstSuperAdmin(montval, person);
        chromium = Chromium.start();
        driver = chromium.driver();
        driver.manage().window().setSize(new Dimension(1366, 768));
        browser = new Browser(driver, port, softly);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOrganisationHeActsForIsShownWholeUnderItsLabelAndHeSwitches() {
        browser.signIn(email, GOOD_PASSWORD);
        assertThat(((Number) script("return window.innerWidth")).intValue()).isBetween(1300, 1366);

        assertShownWhole(first);
        browser.assertAccessible("home page, two memberships");
        chromium.screenshot("acting-organization-1366");

        new Select(choice()).selectByVisibleText(second);
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.xpath("//header//form[.//select[@id='acting-organization']]//button"))
                .click();
        browser.waitUntil("the page after switching", Browser.replaced(page));
        browser.waitForPath("/");
        assertShownWhole(second);
        browser.assertAccessible("home page, after switching");
    }

    private void assertShownWhole(String organization) {
        var select = choice();
        assertThat(new Select(select).getFirstSelectedOption().getText()).isEqualTo(organization);
        @SuppressWarnings("unchecked")
        var box = (Map<String, Object>) script("""
                const select = arguments[0];
                const style = getComputedStyle(select);
                const context = document.createElement('canvas').getContext('2d');
                context.font = style.font;
                const text = select.options[select.selectedIndex].text;
                const rectangle = select.getBoundingClientRect();
                return {width: rectangle.width, right: rectangle.right, viewport: document.documentElement.clientWidth,
                        needed: context.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)};""", select);
        var width = ((Number) box.get("width")).doubleValue();
        var needed = ((Number) box.get("needed")).doubleValue();
        assertThat(width)
                .as("width of the choice showing \"%s\" (%.0f px of text and padding)", organization, needed)
                .isGreaterThanOrEqualTo(needed);
        assertThat(((Number) box.get("right")).doubleValue())
                .as("the choice's right edge, within the screen")
                .isLessThanOrEqualTo(((Number) box.get("viewport")).doubleValue());
        var label = driver.findElement(By.cssSelector("header label[for=acting-organization]"));
        assertThat(label.isDisplayed()).isTrue();
        assertThat(label.getText()).isEqualTo("Pour :");
    }

    private WebElement choice() {
        var select = driver.findElement(By.cssSelector("header select#acting-organization"));
        assertThat(select.isDisplayed())
                .as("the choice is on the screen, not folded in a menu")
                .isTrue();
        return select;
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
