package fr.guichet.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by WebDriver, from Debian's packages (chromium, chromium-driver):
 * Selenium downloads nothing. The browser speaks French, as the portal's members do. Each
 * instance has a profile of its own, deleted on {@link #close()}.
 *
 * <pre>
 * try (var chromium = Chromium.start()) { chromium.driver().get(...); }
 * </pre>
 *
 * Without the binaries the calling test is skipped, or fails when CI=true: a browser suite that
 * silently runs nothing on the build server would prove nothing. Elsewhere than Debian, point
 * -Dguichet.chromium and -Dguichet.chromedriver at a Chromium and its matching driver.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("guichet.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("guichet.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the test (fails it on CI) when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        var missing =
                Stream.of(BROWSER, DRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        var message = "Browser tests need " + missing + " (Debian: apt-get install -y chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; on CI they must run, not be skipped");
        }
        Assumptions.abort(message);
    }

    static Chromium start() {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("guichet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--window-size=1280,1600",
                // Bootstrap scrolls smoothly otherwise: a click computed mid-scroll lands on another element
                "--force-prefers-reduced-motion",
                "--lang=fr-FR",
                "--user-data-dir=" + profile);
        // Accept-Language: fr-FR,fr — the portal answers in the browser's language
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * A PNG of the whole page (the window grown to the page's height for the shot) in
     * target/screenshots/, named name.png.
     */
    Path screenshot(String name) {
        var window = driver.manage().window();
        var size = window.getSize();
        var hidden = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollHeight - window.innerHeight"))
                .intValue();
        try {
            if (hidden > 0) {
                window.setSize(new Dimension(size.getWidth(), size.getHeight() + hidden));
            }
            var file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            window.setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is no reason to fail a test
        }
    }
}
