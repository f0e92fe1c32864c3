package fr.guichet.browser;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.net.URI;
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
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A super admin adds someone who already has an account elsewhere: she is told an invitation went
 * out, as for anyone; he reads it, follows its link, sees who invites him where, and accepts; he is
 * then in her list of users.
 */
@ServerTest
@Tag("browser")
@ExtendWith(SoftAssertionsExtension.class)
class InvitationJourneyBrowserTest {

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

    OrganizationId montval;
    String montvalName;
    String claireEmail;
    String paulEmail;
    Chromium chromium;
    WebDriver driver;
    Browser browser;

    @BeforeEach
    void aSuperAdminAndSomeoneOfAnotherEstablishment() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var domain = People.uniqueDomain();
        montvalName = "Université de Montval " + suffix;
        montval = organizations.createEstablishment(montvalName, "UM" + suffix, Set.of(domain));
        var lacBleu = organizations.createEstablishment("Université du Lac Bleu " + suffix, "ULB" + suffix, Set.of());
        claireEmail = People.uniqueEmail(domain);
        var claire = accounts.createVerified(
                claireEmail, Civility.MADAME, "Martin", "Claire", montval, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(montval, claire);
        paulEmail = People.uniqueEmail();
        accounts.createVerified(paulEmail, Civility.MONSIEUR, "Bernard", "Paul", lacBleu, false, GOOD_PASSWORD);
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
    void heJoinsByAcceptingAndSheLearnsNothingOfHisAccountMeanwhile() {
        browser.signIn(claireEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + montval.value() + "/utilisateurs/nouveau");
        browser.field("Monsieur").click();
        browser.fillIn("Nom", "Saisi");
        browser.fillIn("Prénom", "Autrement");
        browser.fillIn("Adresse e-mail", paulEmail);
        browser.submit("Créer l’utilisateur");
        browser.waitForPath("/organisations/" + montval.value() + "/utilisateurs");
        assertThat(browser.saved())
                .isEqualTo(
                        "Une invitation a été envoyée à " + paulEmail
                                + " : pour créer son compte, ou, si l’adresse en a déjà un, pour accepter de rejoindre cette collectivité.");
        assertThat(browser.main().getText())
                .as("his name, nor that he is in the list")
                .doesNotContain("Bernard");
        browser.signOut();

        var mail = browser.mailTo(paulEmail);
        assertThat(mail.findElement(By.tagName("h2")).getText())
                .isEqualTo("Guichet : une invitation à rejoindre une organisation");
        var href = mail.findElement(By.cssSelector("a[href*='/invitations/rejoindre?jeton=']"))
                .getDomAttribute("href");
        var link = URI.create(href);
        browser.open(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(browser.heading())
                .isEqualTo("Rejoindre [UM" + montvalName.substring(montvalName.length() - 6) + "] - " + montvalName);
        assertThat(browser.main().getText()).contains("Claire Martin vous invite à rejoindre");
        browser.assertAccessible("invitation to join");
        browser.submit(
                "Accepter de rejoindre [UM" + montvalName.substring(montvalName.length() - 6) + "] - " + montvalName);
        browser.waitUntil(
                "the acceptance",
                d -> !d.findElements(By.cssSelector("[data-testid=invitation-accepted]"))
                        .isEmpty());
        assertThat(browser.heading()).isEqualTo("Invitation acceptée");
        browser.assertAccessible("invitation accepted");

        browser.signIn(claireEmail, GOOD_PASSWORD);
        browser.open("/organisations/" + montval.value() + "/utilisateurs");
        assertThat(browser.main().getText()).contains("Bernard", paulEmail);
    }
}
