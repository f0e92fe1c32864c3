package fr.guichet.browser;

import static fr.guichet.browser.Browser.xpathLiteral;
import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.net.URI;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Delegated administration as people live it, in a real browser: a platform admin
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
    Browser browser;

    @BeforeEach
    void browserEstablishmentAndPeople() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        establishmentName = "Université de " + domain;
        establishment = organizations.createEstablishment(establishmentName, "ACR", Set.of(domain));
        platformAdminEmail = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdminEmail, Civility.MADAME, "Agence", "Alice", null, true, GOOD_PASSWORD);
        superAdminEmail = People.uniqueEmail(domain);
        accounts.createVerified(
                superAdminEmail, Civility.MADAME, "Durand", "Hélène", establishment, false, GOOD_PASSWORD);
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
        browser.signIn(platformAdminEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value() + "/super-admins");
        assertThat(browser.heading()).isEqualTo("Super admins");
        browser.assertAccessible("super admins (platform admin)");
        new Select(browser.field("Personne à nommer super admin"))
                .selectByVisibleText(superAdminName + " (" + superAdminEmail + ")");
        browser.submit("Nommer super admin");
        browser.waitForPath("/organisations/" + establishment.value() + "/super-admins");
        assertThat(browser.saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(driver.findElement(By.cssSelector("[data-testid=super-admins]"))
                        .getText())
                .contains(superAdminName + " (" + superAdminEmail + ")");
        browser.assertAccessible("super admins, named");
        browser.signOut();

        // The super admin finds his establishment through "Vos collectivités"
        browser.signIn(superAdminEmail, GOOD_PASSWORD);
        browser.headerLink("Vos collectivités").click();
        browser.waitForPath("/organisations");
        assertThat(browser.heading()).isEqualTo("Vos collectivités");
        assertThat(tree().getText()).contains(establishmentName);
        browser.assertAccessible("Vos collectivités (super admin)");
        tree().findElement(By.linkText(establishmentName)).click();
        browser.waitForPath("/organisations/" + establishment.value());
        assertThat(browser.heading()).isEqualTo(establishmentName);
        browser.assertAccessible("establishment home (super admin)");

        // "Créer une sous-collectivité", of type "Grande collectivité"
        var subName = "Direction des achats " + UUID.randomUUID().toString().substring(0, 6);
        browser.link("Créer une sous-collectivité").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/sous-organisations/nouvelle");
        assertThat(browser.heading()).isEqualTo("Créer une sous-collectivité");
        assertThat(browser.main().getText()).contains("Elle sera placée sous : " + establishmentName + ".");
        browser.assertAccessible("sub-organisation form");
        browser.fillIn("Nom de la collectivité", subName);
        browser.fillIn("Adresse", "12 rue des Marchés");
        browser.fillIn("Code postal", "75013");
        browser.fillIn("Ville", "Paris");
        browser.fillIn("Téléphone", "01 23 45 67 89");
        var large = browser.field("Grande collectivité");
        var largeRoles = driver.findElement(By.id(large.getDomAttribute("aria-describedby")));
        assertThat(largeRoles.getText())
                .as("the roles of a Grande collectivité, described by its radio")
                .contains(
                        "Assistant acheteur",
                        "Acheteur — L’acheteur élabore la consultation et la gère.",
                        "PCAO",
                        "PRM");
        large.click();
        assertThat(large.isSelected()).isTrue();
        browser.field("Utiliser les certificats de « " + establishmentName
                        + " » (la demande de certificat devient facultative)")
                .click();
        chromium.screenshot("sub-organization-form");
        browser.submit("Valider");
        browser.waitUntil(
                "the new organisation's home",
                d -> browser.path().matches("/organisations/\\d+")
                        && !browser.path().equals("/organisations/" + establishment.value()));
        browser.waitForReady();
        var sub = Long.parseLong(browser.path().substring("/organisations/".length()));
        assertThat(browser.heading()).isEqualTo(subName);
        assertThat(driver.findElement(By.cssSelector("nav[aria-label='Position dans l’arborescence']"))
                        .getText())
                .contains(establishmentName, subName);
        assertThat(driver.findElement(By.cssSelector("[data-testid=admins]")).getText())
                .as("the establishment's super admin is named among its administrators")
                .contains(superAdminName, superAdminEmail);
        assertThat(driver.findElement(By.cssSelector("[data-testid=coordinates]"))
                        .getText())
                .contains(subName, "12 rue des Marchés", "75013 Paris", "Tél. : 01 23 45 67 89");
        assertThat(tree().findElement(By.cssSelector("a[aria-current=page]")).getText())
                .isEqualTo(subName);
        browser.assertAccessible("sub-organisation home (super admin)");

        // "Gestion des utilisateurs" → "Créer un utilisateur"
        var userEmail = People.uniqueEmail(domain);
        var userName = "Karim Benali";
        browser.link("Gestion des utilisateurs").click();
        browser.waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(browser.heading()).isEqualTo("Gestion des utilisateurs");
        browser.assertAccessible("users list");
        browser.link("Créer un utilisateur").click();
        browser.waitForPath("/organisations/" + sub + "/utilisateurs/nouveau");
        assertThat(browser.heading()).isEqualTo("Créer un utilisateur");
        browser.assertAccessible("user form");
        browser.field("Monsieur").click();
        browser.fillIn("Nom", "Benali");
        browser.fillIn("Prénom", "Karim");
        browser.fillIn("Titre (fonction)", "Acheteur public");
        browser.fillIn("Adresse e-mail", userEmail);
        browser.fillIn("Téléphone fixe", "01 98 76 54 32");
        browser.submit("Créer l’utilisateur");
        browser.waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(browser.saved())
                .isEqualTo(
                        "Une invitation a été envoyée à " + userEmail
                                + " : pour créer son compte, ou, si l’adresse en a déjà un, pour accepter de rejoindre cette collectivité.");
        var row = userRow(userEmail);
        assertThat(row.getText()).contains(userName, "Acheteur public", "en attente d’activation");
        browser.assertAccessible("users list, user created");

        // "Définir les intervenants": Acheteur in the "Salle des marchés"
        browser.open("/organisations/" + sub);
        browser.link("Définir les intervenants").click();
        browser.waitForPath("/organisations/" + sub + "/intervenants");
        assertThat(browser.heading()).isEqualTo("Définir les intervenants");
        assertThat(new Select(browser.field("Service")).getFirstSelectedOption().getText())
                .isEqualTo("Salle des marchés");
        assertThat(matrix().findElement(By.tagName("thead")).getText())
                .contains(
                        "Assistant acheteur",
                        "Acheteur",
                        "L’acheteur élabore la consultation et la gère.",
                        "PCAO",
                        "PRM");
        browser.assertAccessible("roles matrix");
        var buyer = cell(userName, "Acheteur");
        assertThat(buyer.isSelected()).isFalse();
        assertCheckboxVisible(buyer, "an unticked cell of the roles matrix");
        buyer.click();
        chromium.screenshot("roles-matrix");
        browser.submit("Enregistrer");
        browser.waitForPath("/organisations/" + sub + "/intervenants");
        assertThat(browser.saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(cell(userName, "Acheteur").isSelected()).isTrue();
        browser.assertAccessible("roles matrix, saved");
        driver.navigate().refresh();
        browser.waitForReady();
        assertThat(driver.findElements(By.cssSelector("[data-testid=saved]")))
                .as("the message is shown once")
                .isEmpty();
        assertThat(cell(userName, "Acheteur").isSelected())
                .as("Acheteur, still ticked after a reload")
                .isTrue();
        assertThat(cell(userName, "PRM").isSelected()).isFalse();

        // "Définir les administrateurs": "Créer des utilisateurs" only
        browser.open("/organisations/" + sub);
        browser.link("Définir les administrateurs").click();
        browser.waitForPath("/organisations/" + sub + "/administrateurs");
        assertThat(browser.heading()).isEqualTo("Définir les administrateurs");
        browser.assertAccessible("admins matrix");
        var createUsers = cell(userName, "Créer des utilisateurs");
        assertThat(createUsers.isEnabled())
                .as("a super admin may grant every right")
                .isTrue();
        createUsers.click();
        chromium.screenshot("admins-matrix");
        browser.submit("Enregistrer");
        browser.waitForPath("/organisations/" + sub + "/administrateurs");
        assertThat(browser.saved()).isEqualTo("Vos modifications sont enregistrées.");
        assertThat(cell(userName, "Créer des utilisateurs").isSelected()).isTrue();
        assertThat(cell(userName, "Créer des administrateurs").isSelected()).isFalse();
        browser.assertAccessible("admins matrix, saved");
        browser.signOut();

        // The new user activates his account from the invitation
        var activation = invitationLink(userEmail);
        browser.open(activation);
        assertThat(browser.heading()).isEqualTo("Choisissez votre mot de passe");
        browser.assertAccessible("activation");
        driver.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
        driver.findElement(By.id("confirmation")).sendKeys(GOOD_PASSWORD);
        browser.submit("Activer mon compte");
        browser.waitForPath("/connexion");
        assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("active");

        // He administers the sub-organisation only, and may create users there
        browser.signIn(userEmail, GOOD_PASSWORD);
        browser.headerLink("Vos collectivités").click();
        browser.waitForPath("/organisations");
        assertThat(tree().getText()).contains(subName).doesNotContain(establishmentName);
        browser.assertAccessible("Vos collectivités (user)");
        tree().findElement(By.linkText(subName)).click();
        browser.waitForPath("/organisations/" + sub);
        assertThat(browser.heading()).isEqualTo(subName);
        var offered = browser.main().findElements(By.cssSelector("ul.nav a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(offered)
                .as("what his home offers him")
                .contains("Gestion des utilisateurs", "Définir les intervenants")
                .doesNotContain("Définir les administrateurs", "Créer une sous-collectivité", "Super admins");
        assertThat(driver.findElements(By.cssSelector("a[href$='/organisations/" + sub + "/administrateurs']")))
                .as("no link to the admins matrix")
                .isEmpty();
        chromium.screenshot("sub-organization-home-user");
        browser.assertAccessible("sub-organisation home (user)");
        var breadcrumb = driver.findElement(By.cssSelector("nav[aria-label='Position dans l’arborescence']"));
        assertThat(breadcrumb.getText()).contains(establishmentName, subName);
        softly.assertThat(breadcrumb.findElements(By.linkText(establishmentName)))
                .as("""
                        the breadcrumb of %s links to the establishment, which he does not administer: the link \
                        leads him to "Page introuvable". An ancestor he cannot open should be plain text \
                        (templates/administration/home.html, breadcrumb of OrganizationPages.home)""", userName)
                .isEmpty();

        // Without "Créer des administrateurs", the admins matrix is refused, read or written
        browser.open("/organisations/" + sub + "/administrateurs");
        assertThat(browser.heading()).isEqualTo("Accès refusé");
        assertThat(driver.findElement(By.cssSelector("[data-testid=error-detail]"))
                        .getText())
                .isEqualTo("Vous n’avez pas les droits nécessaires pour cette action.");
        browser.assertAccessible("403 page");
        var himself = accounts.findByEmail(userEmail).orElseThrow().id().value();
        assertThat(forgedPost(
                        "/organisations/" + sub + "/administrateurs",
                        "person=" + himself + "&grant=" + himself + ":CREATE_USERS&grant=" + himself
                                + ":CREATE_ADMINS"))
                .as("a hand-made POST granting himself \"Créer des administrateurs\"")
                .isEqualTo(403);
        browser.open("/organisations/" + sub);
        assertThat(browser.main().findElements(By.linkText("Définir les administrateurs")))
                .as("after the refused POST, still no admin right he did not hold")
                .isEmpty();

        browser.link("Gestion des utilisateurs").click();
        browser.waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(userRow(userEmail).getText()).contains("actif").doesNotContain("en attente");
        browser.assertAccessible("users list (user)");
        browser.link("Créer un utilisateur").click();
        browser.waitForPath("/organisations/" + sub + "/utilisateurs/nouveau");
        assertThat(browser.heading()).isEqualTo("Créer un utilisateur");
        browser.assertAccessible("user form (user)");

        // The establishment above him does not exist for him
        browser.open("/organisations/" + establishment.value());
        assertThat(browser.heading()).isEqualTo("Page introuvable");
        browser.assertAccessible("404 page");

        // Nor can he remove the establishment's super admin from the sub-organisation she has joined
        accounts.join(accounts.findByEmail(superAdminEmail).orElseThrow().id(), new OrganizationId(sub), "-");
        browser.open("/organisations/" + sub + "/utilisateurs");
        userRow(superAdminEmail)
                .findElement(By.cssSelector("input[type=checkbox]"))
                .click();
        browser.submit("Retirer les utilisateurs cochés");
        browser.assertAccessible("removal confirmation (user)");
        if (browser.path().endsWith("/utilisateurs/retrait")) {
            browser.submit("Confirmer le retrait");
        }
        browser.waitForPath("/organisations/" + sub + "/utilisateurs");
        assertThat(browser.refusal()).startsWith("Une de ces personnes est super admin de l’établissement");
        assertThat(userRow(superAdminEmail).getText()).contains(superAdminName);
    }

    // --- people and pages

    /** Waits for the invitation on /dev/mailbox; returns its link's path and query. */
    private String invitationLink(String email) {
        var mail = browser.mailTo(email);
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Guichet : votre compte a été créé");
        assertThat(mail.getText()).contains(superAdminName + " vous a créé un compte sur Guichet.");
        browser.assertAccessible("local mailbox");
        return Browser.activationPath(mail);
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
                        (Bootstrap draws .form-check-input with --bs-border-color #dee2e6; darken it in static/css/guichet.css)""", what, colors.get(0), colors.get(1), browser.path(), ratio)
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
        var cells = matrix().findElements(
                        By.cssSelector("input[type=checkbox][aria-label=\"" + person + " : " + column + "\"]"));
        assertThat(cells).as("one cell \"%s : %s\"", person, column).hasSize(1);
        return cells.get(0);
    }

    private WebElement userRow(String email) {
        var rows = driver.findElements(
                By.xpath("//table[@data-testid='users']//tr[td[normalize-space() = " + xpathLiteral(email) + "]]"));
        assertThat(rows).as("one row for %s", email).hasSize(1);
        return rows.get(0);
    }
}
