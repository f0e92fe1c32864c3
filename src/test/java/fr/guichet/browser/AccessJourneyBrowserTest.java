package fr.guichet.browser;

import static fr.guichet.browser.Browser.xpathLiteral;
import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.documents.Area;
import fr.guichet.documents.DocumentSpaces;
import fr.guichet.documents.Family;
import fr.guichet.documents.TestFiles;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.TestSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 000 as people live it, in a real browser: a member asks for a framework agreement; both
 * super admins of his establishment receive the request, him in copy; one of them decides; the
 * member receives the decision, both super admins in copy; once granted he opens the agreement's
 * document space and downloads its file; once refused he sees why and cannot open it. Every page
 * is checked with axe; GreenMail checks every recipient list.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class AccessJourneyBrowserTest {

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

    @Autowired
    ServiceCatalogue services;

    @Autowired
    DocumentSpaces documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    OrganizationId establishment;
    String member;
    String firstSuperAdmin;
    String secondSuperAdmin;
    String serviceName;
    ServiceId service;
    byte[] file;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void establishmentWithTwoSuperAdminsAMemberAndAnAgreementWithItsFile() throws Exception {
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université de " + domain, "UNIV", Set.of(domain));
        member = People.uniqueEmail(domain);
        accounts.createVerified(member, Civility.MONSIEUR, "Moreau", "Luc", establishment, false, GOOD_PASSWORD);
        firstSuperAdmin = People.uniqueEmail(domain);
        var first = accounts.createVerified(
                firstSuperAdmin, Civility.MADAME, "Martin", "Claire", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, first);
        secondSuperAdmin = People.uniqueEmail(domain);
        var second = accounts.createVerified(
                secondSuperAdmin, Civility.MONSIEUR, "Petit", "Jean", establishment, false, GOOD_PASSWORD);
        SuperAdmins.nameNext(mvc, accounts, first, establishment, second);
        var suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        serviceName = "MATINFO " + suffix;
        service = services.define(new ServiceDefinition(
                "MATINFO-" + suffix,
                serviceName,
                "Matériel informatique.",
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        var staff = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agence", "Anne", null, true, GOOD_PASSWORD);
        file = TestFiles.pdf("Bordereau de prix " + suffix);
        documents.add(
                staff,
                "service",
                service.value(),
                Area.ESTABLISHMENTS,
                Family.BUSINESS,
                "Pièces du marché",
                "Bordereau de prix",
                "bordereau.pdf",
                new ByteArrayInputStream(file));
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
    void aMemberAsksOneSuperAdminAcceptsAndTheMemberDownloadsTheAgreementsFile() throws Exception {
        askAsMember();

        browser.signIn(firstSuperAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value());
        browser.link("Demandes d’accès").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/demandes-acces");
        var request = onlyRequest();
        assertThat(request.getText()).contains("Luc Moreau", serviceName, member, "Appartenance confirmée");
        assertThat(request.findElement(By.cssSelector("[data-testid=accept]")).getAccessibleName())
                .isEqualTo("Accepter la demande de Luc Moreau pour " + serviceName);
        assertThat(request.findElement(By.tagName("textarea")).getAccessibleName())
                .isEqualTo("Commentaire (envoyé au demandeur) sur la demande de Luc Moreau pour " + serviceName);
        browser.assertAccessible("access requests (super admin)");
        browser.submit("Accepter");
        assertThat(browser.saved()).isEqualTo("La demande est acceptée ; le demandeur en est averti par e-mail.");
        assertThat(browser.main().findElements(By.cssSelector("[data-testid=request]")))
                .isEmpty();
        browser.signOut();

        var decision = Mails.nthDistinct(greenMail, member, 2);
        assertThat(decision.getSubject()).isEqualTo("Validation de votre demande d’accès à un service");
        assertThat(recipients(decision, Message.RecipientType.TO)).containsExactly(member);
        assertThat(recipients(decision, Message.RecipientType.CC))
                .containsExactlyInAnyOrder(firstSuperAdmin, secondSuperAdmin);
        assertThat(Mails.body(decision))
                .contains("Vos admins ont accepté votre demande pour le service " + serviceName);

        browser.signIn(member, GOOD_PASSWORD);
        browser.headerLink("Mes outils et services").click();
        browser.waitForPath("/mes-services");
        assertThat(browser.main()
                        .findElement(By.cssSelector("[data-testid=granted]"))
                        .getText())
                .contains(serviceName);
        browser.assertAccessible("Mes outils et services");
        browser.main()
                .findElement(
                        By.xpath(".//a[@aria-label = " + xpathLiteral("Consulter l’accord-cadre " + serviceName) + "]"))
                .click();
        browser.waitForPath("/services/" + service.value() + "/documents");
        assertThat(browser.heading()).isEqualTo("Espace documentaire : " + serviceName);
        assertThat(browser.main().getText())
                .contains("Établissements", "Métier", "Pièces du marché", "Bordereau de prix")
                .doesNotContain("Partenaires", "Déposer un document");
        browser.assertAccessible("document space (member)");

        var href = browser.main().findElement(By.linkText("Bordereau de prix")).getDomAttribute("href");
        @SuppressWarnings("unchecked")
        var fetched = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  const digest = await crypto.subtle.digest('SHA-256', bytes);
                  done({status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                        sha256: Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join('')});
                }).catch(e => done({error: String(e)}));""", href);
        assertThat(fetched)
                .containsEntry("status", 200L)
                .containsEntry("type", "application/pdf")
                .containsEntry(
                        "sha256",
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat((String) fetched.get("disposition")).startsWith("attachment").contains("bordereau.pdf");
        driver.navigate().refresh();
        browser.waitForReady();
        assertThat(browser.main().getText()).contains("1 téléchargement(s)");
    }

    @Test
    void aMemberAsksOneSuperAdminRefusesWithAReasonAndTheSpaceStaysClosed() throws Exception {
        askAsMember();

        browser.signIn(secondSuperAdmin, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value() + "/demandes-acces");
        onlyRequest();
        browser.submit("Refuser");
        assertThat(browser.refusal()).isEqualTo("Indiquez le motif du refus : il sera envoyé au demandeur.");
        browser.assertAccessible("access requests, refusal without a reason");
        browser.fillIn("Commentaire (envoyé au demandeur)", "Réservé au service des achats.");
        browser.submit("Refuser");
        assertThat(browser.saved()).isEqualTo("La demande est refusée ; le demandeur en est averti par e-mail.");
        browser.signOut();

        var decision = Mails.nthDistinct(greenMail, member, 2);
        assertThat(decision.getSubject()).isEqualTo("Refus de votre demande d’accès à un service");
        assertThat(recipients(decision, Message.RecipientType.TO)).containsExactly(member);
        assertThat(recipients(decision, Message.RecipientType.CC))
                .containsExactlyInAnyOrder(firstSuperAdmin, secondSuperAdmin);
        assertThat(Mails.body(decision)).contains("Réservé au service des achats.");

        browser.signIn(member, GOOD_PASSWORD);
        browser.open("/services?domaines=tous");
        var entry = serviceEntry();
        assertThat(entry.findElement(By.cssSelector("[data-testid=state]")).getText())
                .contains("Refusé le")
                .contains("par Jean Petit")
                .contains("Motif : Réservé au service des achats.");
        assertThat(entry.findElements(By.linkText("Consulter l’accord-cadre"))).isEmpty();
        assertThat(entry.findElements(By.cssSelector("[data-testid=ask]")))
                .as("a refused person may ask again")
                .hasSize(1);
        browser.assertAccessible("catalogue after a refusal");
        driver.get("http://localhost:" + port + "/services/" + service.value() + "/documents");
        browser.waitForReady();
        assertThat(browser.heading()).isEqualTo("Page introuvable");
    }

    /** The member asks from the catalogue; the request reaches both super admins, him in copy. */
    private void askAsMember() throws Exception {
        browser.signIn(member, GOOD_PASSWORD);
        browser.headerLink("Accéder aux services").click();
        browser.waitForPath("/services");
        assertThat(browser.heading()).isEqualTo("Ajouter / Paramétrer les outils et services");
        browser.link("Ouvrir tous les domaines de compétences").click();
        browser.waitForReady();
        browser.assertAccessible("catalogue, all domains open");
        var page = driver.findElement(By.tagName("html"));
        var ask = serviceEntry().findElement(By.cssSelector("[data-testid=ask]"));
        assertThat(ask.getAccessibleName())
                .as("the words shown first, then the service")
                .isEqualTo("Ajouter aux outils et services : " + serviceName);
        // the catalogue is long where other tests left services: the button sits at the window's lower edge
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", ask);
        ask.click();
        browser.waitUntil("the catalogue again", Browser.replaced(page));
        browser.waitForReady();
        assertThat(browser.waitUntil("the notice", visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")))
                        .getText())
                .isEqualTo("Demande transmise à vos super admins. Vous recevrez leur décision par e-mail.");
        browser.open("/services?domaines=tous");
        assertThat(serviceEntry()
                        .findElement(By.cssSelector("[data-testid=state]"))
                        .getText())
                .startsWith("En attente de validation depuis le");
        browser.assertAccessible("catalogue, request pending");
        browser.signOut();

        var asked = Mails.nthDistinct(greenMail, firstSuperAdmin, 1);
        assertThat(asked.getSubject()).isEqualTo("Demande d’accès à un service");
        assertThat(recipients(asked, Message.RecipientType.TO))
                .containsExactlyInAnyOrder(firstSuperAdmin, secondSuperAdmin);
        assertThat(recipients(asked, Message.RecipientType.CC)).containsExactly(member);
        assertThat(Mails.body(asked))
                .contains("Luc Moreau demande l’accès au service " + serviceName
                        + ". Vous pouvez accepter ou refuser sa demande dans votre espace personnel");
    }

    private WebElement serviceEntry() {
        return browser.main().findElement(By.id("service-" + service.value()));
    }

    private WebElement onlyRequest() {
        var requests = browser.main().findElements(By.cssSelector("[data-testid=request]"));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static List<String> recipients(MimeMessage message, Message.RecipientType type) throws Exception {
        var found = message.getRecipients(type);
        return found == null
                ? List.of()
                : Arrays.stream(found).map(Object::toString).toList();
    }
}
