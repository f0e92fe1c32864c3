package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Delegated administration as people live it, in a real browser (seed 004): a platform admin
 * names a super admin; the super admin creates a sub-organisation of type "Grande collectivité",
 * creates a user there, makes him "Acheteur" and gives him the right to create users; that user
 * activates his account and finds he may create users but not name admins, nor grant a right he
 * does not hold, nor see the establishment above him. Every page is checked with axe, and the
 * outline of a matrix checkbox for non-text contrast, which axe does not check.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class AdministrationJourneyBrowserTest {

    /** Receives what the dispatcher sends; the test reads the mail on the local mailbox page. */
    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
    OrganizationId establishment;
    String platformAdminEmail;
    String superAdminEmail;
    final String superAdminName = "Hélène Durand";
    Chromium chromium;
    WebDriver driver;

    @BeforeEach
    void browserEstablishmentAndPeople() {
        chromium = Chromium.start();
        driver = chromium.driver();
        domain = People.uniqueDomain();
        establishmentName = "Université de " + domain;
        establishment = organizations.createEstablishment(establishmentName, "ACR", Set.of(domain));
        platformAdminEmail = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdminEmail, Civility.MADAME, "Agence", "Alice", null, true, GOOD_PASSWORD);
        superAdminEmail = People.uniqueEmail(domain);
        accounts.createVerified(superAdminEmail, Civility.MADAME, "Durand", "Hélène", establishment, false, GOOD_PASSWORD);
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aSuperAdminDelegatesToAUserWhoCannotGrantWhatHeDoesNotHold() {
        // The platform admin names the establishment's super admin
        signIn(platformAdminEmail);
        open("/organisations/" + establishment.value() + "/super-admins");
        assertThat(heading()).isEqualTo("Super admins");
        assertAccessible("super admins (platform admin)");
        new Select(field("Personne à nommer super admin")).selectByVisibleText(superAdminName + " (" + superAdminEmail + ")");
        submit("Nommer super admin");
        waitForPath("/organisations/" + establishment.value() + "/super-admins");
        assertThat(saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(driver.findElement(By.cssSelector("[data-testid=super-admins]")).getText())
                .contains(superAdminName + " (" + superAdminEmail + ")");
        assertAccessible("super admins, named");
        signOut();

        // The super admin finds his establishment through "Vos collectivités"
        signIn(superAdminEmail);
        headerLink("Vos collectivités").click();
        waitForPath("/organisations");
        assertThat(heading()).isEqualTo("Vos collectivités");
        assertThat(tree().getText()).contains(establishmentName);
        assertAccessible("Vos collectivités (super admin)");
        tree().findElement(By.linkText(establishmentName)).click();
        waitForPath("/organisations/" + establishment.value());
        assertThat(heading()).isEqualTo(establishmentName);
        assertAccessible("establishment home (super admin)");

        // "Créer une sous-collectivité", of type "Grande collectivité"
        var subName = "Direction des achats " + UUID.randomUUID().toString().substring(0, 6);
        link("Créer une sous-collectivité").click();
        waitForPath("/organisations/" + establishment.value() + "/sous-organisations/nouvelle");
        assertThat(heading()).isEqualTo("Créer une sous-collectivité");
        assertThat(main().getText()).contains("Elle sera placée sous : " + establishmentName + ".");
        assertAccessible("sub-organisation form");
        fillIn("Nom de la collectivité", subName);
        fillIn("Adresse", "12 rue des Marchés");
        fillIn("Code postal", "75013");
        fillIn("Ville", "Paris");
        fillIn("Téléphone", "01 23 45 67 89");
        var large = field("Grande collectivité");
        var largeRoles = driver.findElement(By.id(large.getDomAttribute("aria-describedby")));
        assertThat(largeRoles.getText()).as("the roles of a Grande collectivité, described by its radio")
                .contains("Assistant acheteur", "Acheteur — L’acheteur élabore la consultation et la gère.", "PCAO", "PRM");
        large.click();
        assertThat(large.isSelected()).isTrue();
        chromium.screenshot("sub-organization-form");
        submit("Valider");
        waitUntil("the new organisation's home", d -> path().matches("/organisations/\\d+") && !path().equals(
                "/organisations/" + establishment.value()));
        waitForReady();
        var sub = Long.parseLong(path().substring("/organisations/".length()));
        assertThat(heading()).isEqualTo(subName);
        assertThat(driver.findElement(By.cssSelector("nav[aria-label='Position dans l’arborescence']")).getText())
                .contains(establishmentName, subName);
        assertThat(driver.findElement(By.cssSelector("[data-testid=admins]")).getText())
                .as("its creator is its first admin").contains(superAdminName, superAdminEmail);
        assertThat(driver.findElement(By.cssSelector("[data-testid=coordinates]")).getText())
                .contains(subName, "12 rue des Marchés", "75013 Paris", "Tél. : 01 23 45 67 89");
        assertThat(tree().findElement(By.cssSelector("a[aria-current=page]")).getText()).isEqualTo(subName);
        assertAccessible("sub-organisation home (super admin)");

        // "Gestion des utilisateurs" → "Créer un utilisateur"
        var userEmail = People.uniqueEmail(domain);
        var userName = "Karim Benali";
        link("Gestion des utilisateurs").click();
        waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(heading()).isEqualTo("Gestion des utilisateurs");
        assertAccessible("users list");
        link("Créer un utilisateur").click();
        waitForPath("/organisations/" + sub + "/utilisateurs/nouveau");
        assertThat(heading()).isEqualTo("Créer un utilisateur");
        assertAccessible("user form");
        field("Monsieur").click();
        fillIn("Nom", "Benali");
        fillIn("Prénom", "Karim");
        fillIn("Titre (fonction)", "Acheteur public");
        fillIn("Adresse e-mail", userEmail);
        fillIn("Téléphone fixe", "01 98 76 54 32");
        submit("Créer l’utilisateur");
        waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(saved()).isEqualTo("Le compte a été créé ; une invitation a été envoyée à " + userEmail + ".");
        var row = userRow(userEmail);
        assertThat(row.getText()).contains(userName, "Acheteur public", "en attente d’activation");
        assertAccessible("users list, user created");

        // "Définir les intervenants": Acheteur in the "Salle des marchés"
        open("/organisations/" + sub);
        link("Définir les intervenants").click();
        waitForPath("/organisations/" + sub + "/intervenants");
        assertThat(heading()).isEqualTo("Définir les intervenants");
        assertThat(new Select(field("Service")).getFirstSelectedOption().getText()).isEqualTo("Salle des marchés");
        assertThat(matrix().findElement(By.tagName("thead")).getText())
                .contains("Assistant acheteur", "Acheteur", "L’acheteur élabore la consultation et la gère.", "PCAO", "PRM");
        assertAccessible("roles matrix");
        var buyer = cell(userName, "Acheteur");
        assertThat(buyer.isSelected()).isFalse();
        assertCheckboxVisible(buyer, "an unticked cell of the roles matrix");
        buyer.click();
        chromium.screenshot("roles-matrix");
        submit("Enregistrer");
        waitForPath("/organisations/" + sub + "/intervenants");
        assertThat(saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(cell(userName, "Acheteur").isSelected()).isTrue();
        assertAccessible("roles matrix, saved");
        driver.navigate().refresh();
        waitForReady();
        assertThat(driver.findElements(By.cssSelector("[data-testid=saved]"))).as("the message is shown once").isEmpty();
        assertThat(cell(userName, "Acheteur").isSelected()).as("Acheteur, still ticked after a reload").isTrue();
        assertThat(cell(userName, "PRM").isSelected()).isFalse();

        // "Définir les administrateurs": "Créer des utilisateurs" only
        open("/organisations/" + sub);
        link("Définir les administrateurs").click();
        waitForPath("/organisations/" + sub + "/administrateurs");
        assertThat(heading()).isEqualTo("Définir les administrateurs");
        assertAccessible("admins matrix");
        var createUsers = cell(userName, "Créer des utilisateurs");
        assertThat(createUsers.isEnabled()).as("a super admin may grant every right").isTrue();
        createUsers.click();
        chromium.screenshot("admins-matrix");
        submit("Enregistrer");
        waitForPath("/organisations/" + sub + "/administrateurs");
        assertThat(saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(cell(userName, "Créer des utilisateurs").isSelected()).isTrue();
        assertThat(cell(userName, "Créer des administrateurs").isSelected()).isFalse();
        assertAccessible("admins matrix, saved");
        signOut();

        // The new user activates his account from the invitation
        var activation = invitationLink(userEmail);
        open(activation);
        assertThat(heading()).isEqualTo("Choisissez votre mot de passe");
        assertAccessible("activation");
        driver.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
        driver.findElement(By.id("confirmation")).sendKeys(GOOD_PASSWORD);
        submit("Activer mon compte");
        waitForPath("/connexion");
        assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("active");

        // He administers the sub-organisation only, and may create users there
        signIn(userEmail);
        headerLink("Vos collectivités").click();
        waitForPath("/organisations");
        assertThat(tree().getText()).contains(subName).doesNotContain(establishmentName);
        assertAccessible("Vos collectivités (user)");
        tree().findElement(By.linkText(subName)).click();
        waitForPath("/organisations/" + sub);
        assertThat(heading()).isEqualTo(subName);
        var offered = main().findElements(By.cssSelector("ul.nav a")).stream().map(WebElement::getText).toList();
        assertThat(offered).as("what his home offers him")
                .contains("Gestion des utilisateurs", "Définir les intervenants")
                .doesNotContain("Définir les administrateurs", "Créer une sous-collectivité", "Super admins");
        assertThat(driver.findElements(By.cssSelector("a[href$='/organisations/" + sub + "/administrateurs']")))
                .as("no link to the admins matrix").isEmpty();
        chromium.screenshot("sub-organization-home-user");
        assertAccessible("sub-organisation home (user)");
        var breadcrumb = driver.findElement(By.cssSelector("nav[aria-label='Position dans l’arborescence']"));
        assertThat(breadcrumb.getText()).contains(establishmentName, subName);
        softly.assertThat(breadcrumb.findElements(By.linkText(establishmentName)))
                .as("""
                        the breadcrumb of %s links to the establishment, which he does not administer: the link \
                        leads him to "Page introuvable". An ancestor he cannot open should be plain text \
                        (templates/administration/home.html, breadcrumb of OrganizationPages.home)""", userName)
                .isEmpty();

        // Without "Créer des administrateurs", the admins matrix is refused, read or written
        open("/organisations/" + sub + "/administrateurs");
        assertThat(heading()).isEqualTo("Accès refusé");
        assertThat(driver.findElement(By.cssSelector("[data-testid=error-detail]")).getText())
                .isEqualTo("Vous n’avez pas les droits nécessaires pour cette action.");
        assertAccessible("403 page");
        var himself = accounts.findByEmail(userEmail).orElseThrow().id().value();
        assertThat(forgedPost("/organisations/" + sub + "/administrateurs",
                "person=" + himself + "&grant=" + himself + ":CREATE_USERS&grant=" + himself + ":CREATE_ADMINS"))
                .as("a hand-made POST granting himself \"Créer des administrateurs\"").isEqualTo(403);
        open("/organisations/" + sub);
        assertThat(main().findElements(By.linkText("Définir les administrateurs")))
                .as("after the refused POST, still no admin right he did not hold").isEmpty();

        link("Gestion des utilisateurs").click();
        waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(userRow(userEmail).getText()).contains("actif").doesNotContain("en attente");
        assertAccessible("users list (user)");
        link("Créer un utilisateur").click();
        waitForPath("/organisations/" + sub + "/utilisateurs/nouveau");
        assertThat(heading()).isEqualTo("Créer un utilisateur");
        assertAccessible("user form (user)");

        // The establishment above him does not exist for him
        open("/organisations/" + establishment.value());
        assertThat(heading()).isEqualTo("Page introuvable");
        assertAccessible("404 page");

        // Nor can he take away admin rights he does not hold by removing the person who holds them
        open("/organisations/" + sub + "/utilisateurs");
        userRow(superAdminEmail).findElement(By.cssSelector("input[type=checkbox]")).click();
        submit("Retirer les utilisateurs cochés");
        assertAccessible("removal confirmation (user)");
        if (path().endsWith("/utilisateurs/retrait")) {
            submit("Confirmer le retrait");
        }
        open("/organisations/" + sub);
        softly.assertThat(driver.findElement(By.cssSelector("[data-testid=admins]")).getText())
                .as("""
                        %s, who holds only "Créer des utilisateurs", removed %s from the sub-organisation, and her \
                        admin rights there went with her membership (Administration.removeUsers deletes every grant), \
                        though "Définir les administrateurs" forbids withdrawing a right one does not hold \
                        (admins.not-held). removeUsers should check each ADMIN grant it deletes as saveMatrix does \
                        (authority.mayGrant) and refuse otherwise""", userName, superAdminName)
                .contains(superAdminName);
    }

    // --- people and pages

    private void signIn(String email) {
        open("/connexion");
        assertAccessible("sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
        submit("Se connecter");
        waitForPath("/compte");
    }

    private void signOut() {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.xpath("//header//button[normalize-space() = 'Se déconnecter']")).click();
        waitUntil("the page after signing out", stalenessOf(page));
        waitForPath("/");
        assertThat(driver.findElements(By.xpath("//header//a[normalize-space() = 'Se connecter']"))).isNotEmpty();
    }

    /** Waits for the invitation on /dev/mailbox; returns its link's path and query. */
    private String invitationLink(String email) {
        var mail = new WebDriverWait(driver, TIMEOUT)
                .withMessage("no mail to " + email + " on /dev/mailbox")
                .until(d -> {
                    open("/dev/mailbox");
                    return d.findElements(By.cssSelector("[data-testid=mail]")).stream()
                            .filter(m -> m.findElement(By.cssSelector("[data-testid=mail-to]")).getText().equals(email))
                            .findFirst()
                            .orElse(null);
                });
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Guichet : votre compte a été créé");
        assertThat(mail.getText()).contains(superAdminName + " vous a créé un compte sur Guichet.");
        assertAccessible("local mailbox");
        var link = mail.findElement(By.cssSelector("a[href*='/activation?jeton=']")).getDomAttribute("href");
        // mails link to guichet.base-url (http://localhost:8080); this server listens elsewhere
        var uri = URI.create(link);
        assertThat(uri.getHost()).isEqualTo("localhost");
        return uri.getRawPath() + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    /**
     * A form the page does not offer, posted from the page with its CSRF token as a script
     * would: the HTTP status of the answer (redirects not followed).
     */
    private long forgedPost(String path, String body) {
        var status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                const header = document.querySelector('meta[name=_csrf_header]').content;
                fetch(arguments[0], {method: 'POST', redirect: 'manual', body: arguments[1],
                        headers: {[header]: token, 'Content-Type': 'application/x-www-form-urlencoded'}})
                    .then(r => done(r.status), e => done(-1));
                """, path, body);
        return ((Number) status).longValue();
    }

    /**
     * WCAG 1.4.11 (non-text contrast, which axe does not check): the outline of an unticked
     * checkbox, the only sign of a matrix cell, contrasts 3:1 at least with its background.
     */
    private void assertCheckboxVisible(WebElement checkbox, String what) {
        var colors = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const style = getComputedStyle(arguments[0]);
                return [style.borderTopColor, style.backgroundColor];""", checkbox);
        var border = rgb(colors.get(0).toString());
        var background = rgb(colors.get(1).toString());
        var ratio = contrast(border, background);
        softly.assertThat(ratio)
                .as("""
                        contrast of %s's outline (%s) with its background (%s) on %s: %.2f:1, WCAG 1.4.11 asks 3:1 \
                        (Bootstrap draws .form-check-input with --bs-border-color #dee2e6; darken it in static/css/guichet.css)""",
                        what, colors.get(0), colors.get(1), path(), ratio)
                .isGreaterThanOrEqualTo(3.0);
    }

    private static double[] rgb(String css) {
        var parts = css.replaceAll("[^0-9.,]", "").split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    private static double contrast(double[] a, double[] b) {
        var la = luminance(a);
        var lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        var l = new double[3];
        for (int i = 0; i < 3; i++) {
            var c = rgb[i] / 255;
            l[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    private WebElement tree() {
        return driver.findElement(By.cssSelector("[data-testid=organization-tree]"));
    }

    private WebElement matrix() {
        return driver.findElement(By.cssSelector("[data-testid=matrix]"));
    }

    /** A matrix cell, found as a screen reader announces it: "person : column". */
    private WebElement cell(String person, String column) {
        var cells = matrix().findElements(By.cssSelector("input[type=checkbox][aria-label=\"" + person + " : " + column + "\"]"));
        assertThat(cells).as("one cell \"%s : %s\"", person, column).hasSize(1);
        return cells.get(0);
    }

    private WebElement userRow(String email) {
        var rows = driver.findElements(By.xpath("//table[@data-testid='users']//tr[td[normalize-space() = "
                + xpathLiteral(email) + "]]"));
        assertThat(rows).as("one row for %s", email).hasSize(1);
        return rows.get(0);
    }

    private String saved() {
        return waitUntil("the saved message", visibilityOfElementLocated(By.cssSelector("[data-testid=saved]"))).getText();
    }

    private WebElement main() {
        return driver.findElement(By.tagName("main"));
    }

    private WebElement link(String text) {
        return main().findElement(By.xpath(".//a[normalize-space() = " + xpathLiteral(text) + "]"));
    }

    private WebElement headerLink(String text) {
        return driver.findElement(By.xpath("//header//a[normalize-space() = " + xpathLiteral(text) + "]"));
    }

    // --- browser plumbing, as in RegistrationJourneyBrowserTest

    private void open(String pathAndQuery) {
        driver.get("http://localhost:" + port + pathAndQuery);
        waitForPath(URI.create(pathAndQuery).getPath());
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, TIMEOUT)
                .withMessage(() -> "expected to be on " + path + ", but on " + driver.getCurrentUrl())
                .until(d -> path.equals(path()) && ready(d));
    }

    private void waitForReady() {
        waitUntil("the page loaded", AdministrationJourneyBrowserTest::ready);
    }

    private static boolean ready(WebDriver d) {
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
    }

    private <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).withMessage("waiting for " + what).until(condition);
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The form control a person finds by its label (the "*" of required fields left out). */
    private WebElement field(String label) {
        var labels = driver.findElements(By.xpath(
                "//main//label[normalize-space(translate(., '*\u00A0', '  ')) = " + xpathLiteral(label) + "]"));
        assertThat(labels).as("one label \"%s\"", label).hasSize(1);
        var id = labels.get(0).getDomAttribute("for");
        assertThat(id).as("label \"%s\" names its control", label).isNotBlank();
        return driver.findElement(By.id(id));
    }

    private void fillIn(String label, String value) {
        var input = field(label);
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks the button of the main content and waits for the page it leads to. */
    private void submit(String text) {
        var page = driver.findElement(By.tagName("html"));
        main().findElement(By.xpath(".//button[normalize-space() = " + xpathLiteral(text) + "]")).click();
        waitUntil("the page after \"" + text + "\"", stalenessOf(page));
        waitForReady();
    }

    /** Checked softly: the journey goes on, and the test fails at its end with every page's violations. */
    private void assertAccessible(String page) {
        softly.assertThat(Accessibility.seriousViolations(driver, page)).as("axe on " + page).isEmpty();
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
