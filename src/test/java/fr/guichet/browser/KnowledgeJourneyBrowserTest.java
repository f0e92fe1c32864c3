package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The public knowledge base in a real browser (issue 6): an anonymous visitor searches, filters and
 * opens a sheet; an agent writes an FAQ answer in Markdown that the public reads rendered and
 * safe; a correspondent typing a new ticket's title is shown the similar published ones and the
 * FAQ of the category. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class KnowledgeJourneyBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @InjectSoftAssertions
    SoftAssertions softly;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    HelpdeskSetup helpdesk;

    String marker;
    String productName;
    String otherProductName;
    String correspondent;
    String agent;
    String categoryName;
    TicketId payments;
    TicketId otherProductPayments;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void publishedSheets() {
        var tickets = TicketDriver.of(context);
        marker = "kb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université de " + domain, "UNIV", Set.of(domain));
        correspondent = People.uniqueEmail(domain);
        AccountId person = accounts.createVerified(
                correspondent, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        agent = People.uniqueEmail("agence.test");
        AccountId agentId =
                accounts.createVerified(agent, Civility.MONSIEUR, "Garnier", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        productName = "Sifac " + marker;
        otherProductName = "Siham " + marker;
        var sifac = helpdesk.product("SIFAC-" + marker, productName, null, List.of("2026.1"), List.of(true));
        var siham = helpdesk.product("SIHAM-" + marker, otherProductName, null, List.of("7.2"), List.of(true));
        var team = helpdesk.team("Équipe " + marker, List.of(agentId));
        for (var product : List.of(sifac, siham)) {
            helpdesk.correspondent(establishment, product, person, CorrespondentKind.FUNCTIONAL);
        }
        helpdesk.installedVersion(establishment, sifac, "2026.1");
        helpdesk.installedVersion(establishment, siham, "7.2");
        categoryName = "Sifac " + marker + " — niveau 2";
        var sifacCategory = helpdesk.levelTwoCategory(categoryName, sifac, team);
        var sihamCategory = helpdesk.levelTwoCategory("Siham " + marker, siham, team);
        payments = tickets.file(
                person,
                establishment,
                sifacCategory,
                "Dépenses",
                null,
                null,
                "Paiements rejetés " + marker,
                "Les paiements SEPA sont rejetés par la banque ; appelez Anne Dupont au 01 23 45 67 89.");
        tickets.solveAndValidate(
                agentId, person, payments, "Régénérer le fichier de virement après correction du BIC.");
        otherProductPayments = tickets.file(
                person,
                establishment,
                sihamCategory,
                null,
                null,
                null,
                "Paiement de la paie " + marker,
                "Le paiement des vacataires est en retard.");
        tickets.solveAndValidate(agentId, person, otherProductPayments, "Relancer le calcul de paie.");
        awaitPublished(payments);
        awaitPublished(otherProductPayments);
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
    void aVisitorSearchesFiltersAndOpensASheetWithoutAnAccount() {
        browser.open("/");
        browser.headerLink("Base de connaissance").click();
        browser.waitForPath("/connaissance");
        browser.assertAccessible("knowledge base search (empty)");
        browser.fillIn("Mots, numéro de fiche ou code message", marker + " paiement");
        browser.submit("Rechercher");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=found]"))
                        .getText())
                .isEqualTo("2 fiches correspondent.");
        browser.assertAccessible("knowledge base results");

        new Select(browser.field("Logiciel")).selectByVisibleText(productName);
        browser.submit("Rechercher");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=found]"))
                        .getText())
                .isEqualTo("Une fiche correspond.");
        var result = browser.main()
                .findElement(By.cssSelector("[data-testid=results]"))
                .getText();
        assertThat(result)
                .contains("Paiements rejetés " + marker)
                .contains("Les paiements SEPA sont rejetés")
                .doesNotContain("Dupont")
                .doesNotContain("01 23 45 67 89");

        browser.link(payments.value() + " — Paiements rejetés " + marker).click();
        browser.waitForPath("/connaissance/" + payments.value());
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=sheet-answer]"))
                        .getText())
                .isEqualTo("Régénérer le fichier de virement après correction du BIC.");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=sheet-description]"))
                        .getText())
                .isEqualTo("Les paiements SEPA sont rejetés par la banque ; appelez [nom] au [téléphone].");
        browser.assertAccessible("published sheet");
    }

    @Test
    void theFaqIsWrittenInMarkdownReadSafelyAndTheNewTicketFormSuggestsSimilarSheets() {
        browser.signIn(agent, GOOD_PASSWORD);
        browser.open("/agence/faq");
        browser.assertAccessible("FAQ management");
        browser.fillIn("Nom de la rubrique", "Paiements " + marker);
        new Select(browser.field("Afficher à côté de la catégorie de demande")).selectByVisibleText(categoryName);
        browser.submit("Ajouter la rubrique");
        assertThat(browser.saved()).isEqualTo("La rubrique est ajoutée.");
        new Select(browser.field("Rubrique")).selectByVisibleText("Paiements " + marker);
        browser.fillIn("Question", "Pourquoi un virement est-il rejeté ?");
        browser.fillIn(
                "Réponse (Markdown)",
                "Vérifiez le **BIC** dans [la documentation](https://www.example.org/sepa)."
                        + "\n\n<script>alert('x')</script>");
        browser.submit("Enregistrer la question");
        assertThat(browser.saved()).isEqualTo("La question est enregistrée.");
        browser.signOut();

        browser.headerLink("FAQ").click();
        browser.waitForPath("/faq");
        browser.main()
                .findElement(By.xpath(".//summary[normalize-space() = 'Pourquoi un virement est-il rejeté ?']"))
                .click();
        var answer = browser.main()
                .findElement(By.xpath(
                        ".//details[summary[normalize-space() = 'Pourquoi un virement est-il rejeté ?']]/div"));
        assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("BIC");
        assertThat(answer.findElement(By.tagName("a")).getDomAttribute("href"))
                .isEqualTo("https://www.example.org/sepa");
        assertThat(answer.findElements(By.tagName("script")))
                .as("raw HTML stays text")
                .isEmpty();
        assertThat(answer.getText()).endsWith("<script>alert('x')</script>");
        browser.assertAccessible("FAQ");

        browser.signIn(correspondent, GOOD_PASSWORD);
        browser.open("/demandes/nouvelle");
        browser.link(categoryName).click();
        browser.waitForReady();
        browser.waitUntil(
                "the category's FAQ",
                d -> !d.findElements(By.cssSelector("[data-testid=faq-for-category] summary"))
                        .isEmpty());
        browser.fillIn("Titre (100 caractères au plus)", "paiements rejetés");
        var suggestion = browser.waitUntil(
                "the similar sheets",
                d -> d.findElements(By.cssSelector("#similar a")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(suggestion.getText()).isEqualTo(payments.value() + " — Paiements rejetés " + marker);
        assertThat(driver.findElements(By.cssSelector("#similar a")))
                .as("the same product's only")
                .hasSize(1);
        browser.assertAccessible("filing form with suggestions");
    }

    private void awaitPublished(TicketId ticket) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/kb/" + ticket.value()))
                .build();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }
}
