package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An admin who types the address of someone who already has an account invites him: he joins only
 * by accepting, and nothing the admin sees (page, API, import report) tells whether the address had
 * an account or whose it is. Leaving an organisation one joined that way never disables the account.
 */
@IntegrationTest
@Tag("smoke")
class InvitationsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final String IP = "192.0.2.33";

    @Autowired
    MockMvc mvc;

    @Autowired
    Administration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    String domain;
    OrganizationId montval;
    AccountId claire;
    String token;

    @BeforeEach
    void anEstablishmentAndItsSuperAdmin() throws Exception {
        domain = People.uniqueDomain();
        montval = organizations.createEstablishment("Université de Montval " + domain, "UM", Set.of(domain));
        var claireEmail = People.uniqueEmail(domain);
        claire = accounts.createVerified(
                claireEmail, Civility.MADAME, "Martin", "Claire", montval, false, GOOD_PASSWORD);
        var platform = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "P", null, true, GOOD_PASSWORD);
        administration.nameSuperAdmin(platform, montval, claire, IP);
        token = Visitor.signedIn(mvc, claireEmail).apiToken();
    }

    @Test
    void theAdminLearnsNothingOfAnExistingAccountAndThePersonJoinsOnlyByAccepting() throws Exception {
        var lacBleu = organizations.createEstablishment("Université du Lac Bleu " + domain, "ULB", Set.of());
        var paulEmail = People.uniqueEmail();
        var paul =
                accounts.createVerified(paulEmail, Civility.MONSIEUR, "Bernard", "Paul", lacBleu, false, GOOD_PASSWORD);
        var strangerEmail = People.uniqueEmail();

        var existing = addThroughApi(paulEmail);
        var unknown = addThroughApi(strangerEmail);

        assertThat(existing)
                .isEqualTo(unknown.replace(strangerEmail, paulEmail))
                .doesNotContain("Bernard", "Paul");
        assertThat(accounts.isMemberOf(paul, montval)).isFalse();
        var mail = Mails.awaitFirst(greenMail, paulEmail);
        assertThat(Mails.body(mail)).contains("Université de Montval " + domain).contains("Claire Martin");
        var link = Mails.link(mail);
        assertThat(link).startsWith("/invitations/rejoindre?jeton=");

        var visitor = new Visitor(mvc);
        var page =
                Jsoup.parse(visitor.perform(get(link)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[data-testid=invitation]").text())
                .contains("Claire Martin", "Université de Montval " + domain);
        assertThat(page.select("button").eachText())
                .contains("Accepter de rejoindre [UM] - Université de Montval " + domain);
        var jeton = link.substring(link.indexOf('=') + 1);
        var accepted = Jsoup.parse(visitor.perform(post("/invitations/rejoindre")
                        .with(csrf())
                        .param("jeton", jeton)
                        .param("reponse", "accepter"))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(accepted.select("[data-testid=invitation-accepted]")).hasSize(1);
        assertThat(accounts.isMemberOf(paul, montval)).isTrue();
        // the link served once
        var again = Jsoup.parse(visitor.perform(post("/invitations/rejoindre")
                        .with(csrf())
                        .param("jeton", jeton)
                        .param("reponse", "refuser"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(again.select("[data-testid=invitation-invalid]")).hasSize(1);
        assertThat(accounts.isMemberOf(paul, montval)).isTrue();
    }

    @Test
    void declinedTheInvitationLeavesNothingBehind() throws Exception {
        var lacBleu = organizations.createEstablishment("Université du Lac Bleu " + domain, "ULB", Set.of());
        var paulEmail = People.uniqueEmail();
        var paul =
                accounts.createVerified(paulEmail, Civility.MONSIEUR, "Bernard", "Paul", lacBleu, false, GOOD_PASSWORD);
        addThroughApi(paulEmail);
        var link = Mails.link(Mails.awaitFirst(greenMail, paulEmail));
        var undecided = Jsoup.parse(new Visitor(mvc)
                .perform(post("/invitations/rejoindre")
                        .with(csrf())
                        .param("jeton", link.substring(link.indexOf('=') + 1))
                        .param("reponse", "peut-être"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(undecided.select("[data-testid=invitation]"))
                .as("an answer that is neither: the choice again")
                .hasSize(1);

        var declined = Jsoup.parse(new Visitor(mvc)
                .perform(post("/invitations/rejoindre")
                        .with(csrf())
                        .param("jeton", link.substring(link.indexOf('=') + 1))
                        .param("reponse", "refuser"))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(declined.select("[data-testid=invitation-declined]")).hasSize(1);
        assertThat(accounts.organizationsOf(paul)).containsExactly(lacBleu);
        assertThat(Jsoup.parse(new Visitor(mvc)
                                .perform(get(link))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("[data-testid=invitation-invalid]"))
                .hasSize(1);
    }

    @Test
    void anExternalRequesterWhoJoinedAndIsRemovedKeepsHisAccount() throws Exception {
        var email = People.uniqueEmail();
        var external = accounts.createVerified(email, Civility.MADAME, "Externe", "Eve", null, false, GOOD_PASSWORD);
        addThroughApi(email);
        accept(Mails.link(Mails.awaitFirst(greenMail, email)));
        assertThat(accounts.isMemberOf(external, montval)).isTrue();

        administration.removeUsers(claire, montval, Set.of(external), IP);

        assertThat(accounts.organizationsOf(external)).isEmpty();
        assertThat(accounts.find(external).orElseThrow().active()).isTrue();
        var visitor = Visitor.signedIn(mvc, email);
        assertThat(visitor.perform(get("/compte")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void someoneWhoLeftEverythingComesBackByAcceptingAnInvitation() throws Exception {
        var email = People.uniqueEmail(domain);
        var person = accounts.createVerified(email, Civility.MADAME, "Partie", "Paula", montval, false, GOOD_PASSWORD);
        administration.removeUsers(claire, montval, Set.of(person), IP);
        assertThat(accounts.find(person).orElseThrow().active()).isFalse();

        addThroughApi(email);
        accept(Mails.link(Mails.awaitFirst(greenMail, email)));

        assertThat(accounts.find(person).orElseThrow().active()).isTrue();
        assertThat(accounts.isMemberOf(person, montval)).isTrue();
    }

    @Test
    void theImportReportSaysTheSameOfAnExistingAndANewAddress() throws Exception {
        var existingEmail = People.uniqueEmail();
        accounts.createVerified(existingEmail, Civility.MONSIEUR, "Déjà", "Damien", null, false, GOOD_PASSWORD);
        var newEmail = People.uniqueEmail();
        var csv = "civilite;nom;prenom;email\nM.;Déjà;Damien;" + existingEmail + "\nMme;Neuve;Nina;" + newEmail + "\n";

        var importId = imports.start(claire, montval, new StringReader(csv), Locale.FRENCH, IP);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> imports.progress(claire, montval, importId).finished());
        var lines = imports.progress(claire, montval, importId).lines();
        assertThat(lines)
                .extracting(UserImport.Line::outcome)
                .containsExactly(UserImport.Outcome.CREATED, UserImport.Outcome.CREATED);
        assertThat(lines).extracting(UserImport.Line::reason).containsOnlyNulls();
    }

    @Autowired
    UserImports imports;

    private String addThroughApi(String email) throws Exception {
        return new Visitor(mvc)
                .perform(post("/api/v1/organizations/" + montval.value() + "/users")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .content("{\"civility\":\"MADAME\",\"lastName\":\"Saisi\",\"firstName\":\"Par\",\"email\":\""
                                + email + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void accept(String link) throws Exception {
        new Visitor(mvc)
                .perform(post("/invitations/rejoindre")
                        .with(csrf())
                        .param("jeton", link.substring(link.indexOf('=') + 1))
                        .param("reponse", "accepter"));
    }
}
