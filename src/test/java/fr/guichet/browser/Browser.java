package fr.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal on http://localhost:port as a person uses it: pages opened by their path, form
 * controls found by their label, buttons by their text, mails read on the local mailbox page.
 * Every wait gives up after {@link #TIMEOUT}.
 */
final class Browser {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;
    private final SoftAssertions softly;

    Browser(WebDriver driver, int port, SoftAssertions softly) {
        this.driver = driver;
        this.baseUrl = "http://localhost:" + port;
        this.softly = softly;
    }

    void open(String pathAndQuery) {
        driver.get(baseUrl + pathAndQuery);
        waitForPath(URI.create(pathAndQuery).getPath());
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, TIMEOUT)
                .withMessage(() -> "expected to be on " + path + ", but on " + driver.getCurrentUrl())
                .until(d -> path.equals(path()) && ready(d));
    }

    void waitForReady() {
        waitUntil("the page loaded", Browser::ready);
    }

    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT)
                .withMessage("waiting for " + what)
                .until(condition);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    WebElement main() {
        return driver.findElement(By.tagName("main"));
    }

    /** The form control a person finds by its label (the "*" of required fields left out). */
    WebElement field(String label) {
        // in the main content: the header has a label of its own ("Pour", the acting organisation)
        var labels = driver.findElements(By.xpath(
                "//main//label[normalize-space(translate(., '*\u00A0', '  ')) = " + xpathLiteral(label) + "]"));
        assertThat(labels).as("one label \"%s\"", label).hasSize(1);
        var id = labels.get(0).getDomAttribute("for");
        assertThat(id).as("label \"%s\" names its control", label).isNotBlank();
        return driver.findElement(By.id(id));
    }

    void fillIn(String label, String value) {
        var input = field(label);
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks the button of the main content; the caller waits for what follows. */
    void clickButton(String text) {
        main().findElement(By.xpath(".//button[normalize-space() = " + xpathLiteral(text) + "]"))
                .click();
    }

    /** Clicks the button of the main content and waits for the page it leads to. */
    void submit(String text) {
        var page = driver.findElement(By.tagName("html"));
        clickButton(text);
        waitUntil("the page after \"" + text + "\"", replaced(page));
        waitForReady();
    }

    /** Checked softly: the journey goes on, and the test fails at its end with every page's violations. */
    void assertAccessible(String page) {
        softly.assertThat(Accessibility.seriousViolations(driver, page))
                .as("axe on " + page)
                .isEmpty();
    }

    /** Signs in on /connexion (checked with axe on the way) and lands on the home page. */
    void signIn(String email, String password) {
        open("/connexion");
        assertAccessible("sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        submit("Se connecter");
        waitForPath("/");
    }

    /** "Se déconnecter" in the header, back on the home page with "Se connecter" offered again. */
    void signOut() {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.xpath("//header//button[normalize-space() = 'Se déconnecter']"))
                .click();
        waitUntil("the page after signing out", replaced(page));
        waitForPath("/");
        assertThat(driver.findElements(By.xpath("//header//a[normalize-space() = 'Se connecter']")))
                .isNotEmpty();
    }

    /** The text of the confirmation a saved change shows. */
    String saved() {
        return waitUntil("the saved message", visibilityOfElementLocated(By.cssSelector("[data-testid=saved]")))
                .getText();
    }

    /** The text of a refusal (a rule saying no). */
    String refusal() {
        return waitUntil("the refusal", visibilityOfElementLocated(By.cssSelector("[data-testid=refusal]")))
                .getText();
    }

    /** A link of the main content, by its text. */
    WebElement link(String text) {
        return main().findElement(By.xpath(".//a[normalize-space() = " + xpathLiteral(text) + "]"));
    }

    /** A link of the header's navigation, by its text. */
    WebElement headerLink(String text) {
        return driver.findElement(By.xpath("//header//a[normalize-space() = " + xpathLiteral(text) + "]"));
    }

    /** Waits for a mail to email on /dev/mailbox (reloaded until it shows), and returns it. */
    WebElement mailTo(String email) {
        return new WebDriverWait(driver, TIMEOUT)
                .withMessage("no mail to " + email + " on /dev/mailbox")
                .until(d -> {
                    open("/dev/mailbox");
                    return d.findElements(By.cssSelector("[data-testid=mail]")).stream()
                            .filter(m -> m.findElement(By.cssSelector("[data-testid=mail-to]"))
                                    .getText()
                                    .equals(email))
                            .findFirst()
                            .orElse(null);
                });
    }

    /** The path and query of the activation link in a mail of /dev/mailbox, to {@link #open} here. */
    static String activationPath(WebElement mail) {
        var link = mail.findElement(By.cssSelector("a[href*='/activation?jeton=']"))
                .getDomAttribute("href");
        // mails link to guichet.base-url (http://localhost:8080); this server listens elsewhere
        var uri = URI.create(link);
        assertThat(uri.getHost()).isEqualTo("localhost");
        return uri.getRawPath()
                + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /**
     * True once the page this element belonged to is gone. Like Selenium's stalenessOf, but
     * Chromium sometimes answers the check, mid-navigation, with "Node with given id does not belong
     * to the document" instead of a stale element: that also means the page was replaced.
     */
    static Function<WebDriver, Boolean> replaced(WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    private static boolean ready(WebDriver d) {
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
    }
}
