package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.util.List;
import java.util.Set;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person who declared he belongs to a university finds, on "Mon établissement", its super admins
 * but not yet its software correspondents; a super admin confirms him from the users page; he then
 * finds the correspondents. Every page is checked with axe.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class MembershipJourneyBrowserTest {

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
    HelpdeskSetup helpdesk;

    @Autowired
    JdbcClient jdbc;

    String domain;
    OrganizationId establishment;
    String superAdminEmail;
    String declaredEmail;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void browserEstablishmentAndPeople() {
        chromium = Chromium.start();
        driver = chromium.driver();
        browser = new Browser(driver, port, softly);
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université de " + domain, "UD", Set.of(domain));
        superAdminEmail = People.uniqueEmail(domain);
        var superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MADAME, "Durand", "Hélène", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        var product =
                helpdesk.product("B" + domain.substring(1, 9), "Sifac " + domain, null, List.of("1"), List.of(true));
        helpdesk.correspondent(establishment, product, superAdmin, CorrespondentKind.FUNCTIONAL);
        declaredEmail = People.uniqueEmail("perso-" + domain);
        var declared = accounts.createVerified(
                declaredEmail, Civility.MONSIEUR, "Martin", "Paul", establishment, false, GOOD_PASSWORD);
        jdbc.sql("update membership set status = 'DECLARED' where account_id = ?")
                .param(declared.value())
                .update();
    }

    @AfterEach
    void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDeclaredMemberConfirmedByHisSuperAdminFindsTheSoftwareCorrespondents() {
        browser.signIn(declaredEmail, GOOD_PASSWORD);
        browser.open("/mon-etablissement");
        assertThat(browser.main().getText()).contains("Hélène Durand").doesNotContain("Sifac " + domain);
        browser.assertAccessible("Mon établissement (declared)");
        browser.signOut();

        browser.signIn(superAdminEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + establishment.value() + "/utilisateurs");
        browser.assertAccessible("users, with a declaration waiting");
        browser.link("1 appartenance(s) déclarée(s) à vérifier").click();
        browser.waitForPath("/organisations/" + establishment.value() + "/utilisateurs/declarations");
        assertThat(browser.heading()).isEqualTo("Appartenances déclarées à vérifier");
        browser.assertAccessible("declared memberships");
        browser.submit("Confirmer l’appartenance de Paul Martin");
        assertThat(browser.saved())
                .isEqualTo("L’appartenance a été confirmée ; la personne en est prévenue par e-mail.");
        browser.assertAccessible("declared memberships, none left");
        browser.signOut();

        browser.signIn(declaredEmail, GOOD_PASSWORD);
        browser.open("/mon-etablissement");
        assertThat(driver.findElement(By.cssSelector("[data-testid=software-correspondents]"))
                        .getText())
                .contains("Sifac " + domain, "Hélène Durand", "fonctionnel", superAdminEmail);
        browser.assertAccessible("Mon établissement (confirmed)");
    }
}
