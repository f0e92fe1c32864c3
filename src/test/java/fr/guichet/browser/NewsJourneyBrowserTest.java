package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.notification.Digests;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16's journey, in a real browser: an agent aims an announcement at Sifac's correspondents
 * in Grand Est. The correspondent in Strasbourg, who chose to hear of announcements in his daily
 * digest, finds it marked new on his home page, reads it, and gets it in his digest only; the
 * correspondent in Lyon neither sees it, nor may open it, nor hears of it. Every page is checked
 * with axe; GreenMail sees who was e-mailed.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class NewsJourneyBrowserTest {

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
    HelpdeskSetup helpdesk;

    @Autowired
    Digests digests;

    String agent;
    String inStrasbourg;
    String inLyon;
    String productName;
    String title;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void sifacsCorrespondentsInStrasbourgAndLyon() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        agent = People.uniqueEmail("agence.test");
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MADAME, "Garnier", "Hélène", null, false, GOOD_PASSWORD));
        productName = "Sifac " + suffix;
        var sifac = helpdesk.product("SIFAC-" + suffix, productName, null, List.of("2026.1"), List.of(true));
        title = productName + " : la version 2027.1 est livrée";

        var strasbourg = establishment("Université de Strasbourg", "67081", "Strasbourg");
        inStrasbourg = correspondent(strasbourg, sifac, "Schmitt", "Marc");
        var lyon = establishment("Université de Lyon", "69007", "Lyon");
        inLyon = correspondent(lyon, sifac, "Girard", "Paul");

        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
    }

    private OrganizationId establishment(String name, String postalCode, String city) {
        var domain = People.uniqueDomain();
        var id = organizations.createEstablishment(name + " " + domain, "UNIV", Set.of(domain));
        organizations.change(
                id,
                new OrganizationDetails(
                        name + " " + domain, "1 rue de l’Université", postalCode, city, null, null, null));
        return id;
    }

    private String correspondent(OrganizationId establishment, ProductId product, String name, String firstName) {
        var domain = organizations.find(establishment).orElseThrow().name().replaceAll(".* ", "");
        var email = People.uniqueEmail(domain);
        AccountId person =
                accounts.createVerified(email, Civility.MONSIEUR, name, firstName, establishment, false, GOOD_PASSWORD);
        helpdesk.correspondent(establishment, product, person, CorrespondentKind.FUNCTIONAL);
        return email;
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sifacsCorrespondentInGrandEstReadsItAndGetsItInHisDigestAndTheOneInLyonDoesNot() throws Exception {
        theCorrespondentInStrasbourgChoosesTheDigest();
        var id = theAgentAimsItAtSifacsCorrespondentsInGrandEst();
        theCorrespondentInStrasbourgReadsItAndGetsItInHisDigest(id);
        theCorrespondentInLyonNeitherSeesItNorHearsOfIt(id);
    }

    private void theCorrespondentInStrasbourgChoosesTheDigest() {
        browser.signIn(inStrasbourg, GOOD_PASSWORD);
        browser.open("/compte");
        var page = driver.findElement(By.tagName("html"));
        browser.link("Mes alertes électroniques").click();
        browser.waitUntil("the alerts page", Browser.replaced(page));
        browser.waitForPath("/compte/alertes");
        assertThat(option("Annonces et actualités", "Aussitôt").isSelected())
                .as("a kind never touched reaches him at once")
                .isTrue();
        browser.assertAccessible("alerts");
        option("Annonces et actualités", "Dans le résumé quotidien").click();
        browser.submit("Enregistrer mes alertes");
        browser.waitForPath("/compte/alertes");
        assertThat(browser.saved()).isEqualTo("Vos alertes sont enregistrées.");
        assertThat(option("Annonces et actualités", "Dans le résumé quotidien").isSelected())
                .isTrue();
        browser.assertAccessible("alerts, saved");
        browser.signOut();
    }

    private long theAgentAimsItAtSifacsCorrespondentsInGrandEst() {
        browser.signIn(agent, GOOD_PASSWORD);
        browser.open("/agence/annonces");
        browser.assertAccessible("announcements (agent)");
        var page = driver.findElement(By.tagName("html"));
        browser.link("Rédiger une annonce").click();
        browser.waitUntil("the announcement form", Browser.replaced(page));
        browser.waitForPath("/agence/annonces/nouvelle");
        assertThat(browser.heading()).isEqualTo("Rédiger une annonce");
        browser.assertAccessible("announcement form");

        browser.fillIn("Titre", title);
        browser.fillIn(
                "Texte (Markdown)",
                "La version **2027.1** est disponible.\n\n- export des immobilisations\n- nouveaux états");
        new Select(browser.field("Nature")).selectByVisibleText("Livraison de version");
        new Select(browser.field("Produit (pour une communication d’un produit)")).selectByVisibleText(productName);
        new Select(browser.field("Correspondants des produits")).selectByVisibleText(productName);
        new Select(browser.field("Lieux")).selectByVisibleText("Grand Est (toute la région)");
        // criteria chosen, "Tout le monde" (the first choice) left on: refused, not sent to everyone
        browser.submit("Compter les destinataires");
        assertThat(browser.refusal()).isEqualTo("« Tout le monde » ne se combine pas avec des critères.");
        assertThat(browser.main().findElements(By.cssSelector("[data-testid=reach]")))
                .isEmpty();
        browser.assertAccessible("announcement form, everyone and criteria refused");
        browser.field("Les personnes qui répondent aux critères choisis").click();
        browser.submit("Compter les destinataires");

        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=reach]"))
                        .getText())
                .as("the agent is no correspondent, the one in Lyon is elsewhere")
                .startsWith("Cette annonce atteindrait 1 personne aujourd’hui.");
        assertThat(browser.field("Titre").getDomProperty("value")).isEqualTo(title);
        assertThat(new Select(browser.field("Nature")).getFirstSelectedOption().getText())
                .isEqualTo("Livraison de version");
        assertThat(browser.field("Les personnes qui répondent aux critères choisis")
                        .isSelected())
                .isTrue();
        assertThat(new Select(browser.field("Correspondants des produits"))
                        .getAllSelectedOptions().stream()
                                .map(WebElement::getText)
                                .toList())
                .containsExactly(productName);
        assertThat(new Select(browser.field("Lieux"))
                        .getAllSelectedOptions().stream()
                                .map(WebElement::getText)
                                .toList())
                .containsExactly("Grand Est (toute la région)");
        browser.assertAccessible("announcement form, its reach counted");

        browser.submit("Publier l’annonce");
        browser.waitUntil("the announcement's page", d -> browser.path().matches("/agence/annonces/\\d+"));
        var path = browser.path();
        assertThat(browser.heading()).isEqualTo(title);
        assertThat(browser.saved()).startsWith("Annonce enregistrée");
        // the page asks for its progress every 2 s (htmx), until the sending is over
        browser.waitUntil("the announcement sent", d -> progress().startsWith("Envoyée"));
        assertThat(progress()).isEqualTo("Envoyée — 1 sur 1\n100 %");
        assertThat(driver.findElement(By.cssSelector("[data-testid=progress] [role=progressbar]"))
                        .getDomAttribute("aria-valuenow"))
                .isEqualTo("100");
        browser.assertAccessible("announcement sent (agent)");
        browser.signOut();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private void theCorrespondentInStrasbourgReadsItAndGetsItInHisDigest(long id) throws Exception {
        browser.signIn(inStrasbourg, GOOD_PASSWORD);
        var news = homeNews();
        assertThat(news).as("his home page's news").isNotNull();
        var item = newsItem(news);
        assertThat(item.findElements(By.xpath(".//span[normalize-space() = 'Nouveau']")))
                .as("marked new")
                .hasSize(1);
        browser.assertAccessible("home with news");

        var page = driver.findElement(By.tagName("html"));
        item.findElement(By.tagName("a")).click();
        browser.waitUntil("the announcement", Browser.replaced(page));
        browser.waitForPath("/actualites/" + id);
        assertThat(browser.heading()).isEqualTo(title);
        assertThat(browser.main().getText()).contains("Livraison de version — " + productName);
        var body = browser.main().findElement(By.cssSelector("[data-testid=announcement-body]"));
        assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("2027.1");
        assertThat(body.findElements(By.tagName("li")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("export des immobilisations", "nouveaux états");
        browser.assertAccessible("announcement (correspondent)");

        browser.open("/actualites");
        var listed = browser.main()
                .findElement(By.xpath(".//li[.//a[normalize-space() = " + Browser.xpathLiteral(title) + "]]"));
        assertThat(listed.getText()).doesNotContain("Nouveau").contains("Livraison de version — " + productName);
        browser.assertAccessible("news");

        browser.open("/");
        assertThat(newsItem(homeNews()).findElements(By.xpath(".//span[normalize-space() = 'Nouveau']")))
                .as("read: no longer new")
                .isEmpty();

        browser.open("/compte/alertes");
        assertThat(driver.findElement(By.cssSelector("[data-testid=digest-waiting]"))
                        .getText())
                .isEqualTo("1 alerte attend votre prochain résumé quotidien.");
        assertThat(Mails.to(greenMail, inStrasbourg))
                .as("nothing at once: he chose the digest")
                .isEmpty();

        digests.sendDue();
        var digest = Mails.awaitFirst(greenMail, inStrasbourg);
        assertThat(digest.getSubject()).isEqualTo("Guichet : votre résumé du jour");
        assertThat(Mails.body(digest)).contains(title, "Guichet : une annonce de l’Agence");
        browser.signOut();
    }

    private void theCorrespondentInLyonNeitherSeesItNorHearsOfIt(long id) {
        browser.signIn(inLyon, GOOD_PASSWORD);
        assertThat(homeNews()).as("no news on his home page").isNull();
        assertThat(browser.main().getText()).doesNotContain(title);
        browser.open("/actualites");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=no-news]"))
                        .getText())
                .isEqualTo("Aucune actualité ne vous est adressée pour l’instant.");
        browser.assertAccessible("news, none");
        browser.open("/actualites/" + id);
        assertThat(browser.heading()).as("not his: not found").isEqualTo("Page introuvable");
        assertThat(browser.main().getText()).doesNotContain(title);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(Mails.to(greenMail, inLyon)).isEmpty());
    }

    /** The radio button of a choice, by its fieldset's legend and its own label. */
    private WebElement option(String legend, String label) {
        var labels = driver.findElements(By.xpath("//main//fieldset[legend[normalize-space() = "
                + Browser.xpathLiteral(legend) + "]]//label[normalize-space() = " + Browser.xpathLiteral(label)
                + "]"));
        assertThat(labels).as("one \"%s\" in \"%s\"", label, legend).hasSize(1);
        return driver.findElement(By.id(labels.get(0).getDomAttribute("for")));
    }

    /** The announcement's progress as shown, read afresh: htmx replaces it while the sending goes on. */
    private String progress() {
        try {
            return driver.findElement(By.cssSelector("[data-testid=progress]")).getText();
        } catch (StaleElementReferenceException replaced) {
            return "";
        }
    }

    /** The home page's "Actualités de l’Agence", or null when it shows none. */
    private WebElement homeNews() {
        var sections = browser.main().findElements(By.cssSelector("[data-testid=home-news]"));
        if (sections.isEmpty()) {
            return null;
        }
        assertThat(sections.get(0).findElement(By.tagName("h2")).getText()).startsWith("Actualités de l’Agence");
        return sections.get(0);
    }

    private WebElement newsItem(WebElement news) {
        return news.findElement(By.xpath(".//li[.//a[normalize-space() = " + Browser.xpathLiteral(title) + "]]"));
    }
}
