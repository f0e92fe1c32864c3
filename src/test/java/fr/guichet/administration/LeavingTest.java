package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What a person holds because of a membership ends with it, whoever removes him: the findings of
 * issue 12, each as the person or the attacker met it.
 */
@IntegrationTest
@Tag("smoke")
class LeavingTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    static final String IP = "192.0.2.12";

    @Autowired
    MockMvc mvc;

    @Autowired
    Administration administration;

    @Autowired
    Delegation delegation;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    HelpdeskSetup helpdesk;

    String montvalDomain;
    OrganizationId montval;
    OrganizationId lacBleu;
    AccountId claire;
    String claireEmail;
    AccountId platformAdmin;

    @BeforeEach
    void twoEstablishments() {
        montvalDomain = People.uniqueDomain();
        montval = organizations.createEstablishment(
                "Université de Montval " + montvalDomain, "UM", Set.of(montvalDomain));
        lacBleu = organizations.createEstablishment("Université du Lac Bleu " + montvalDomain, "ULB", Set.of());
        claireEmail = People.uniqueEmail(montvalDomain);
        claire = accounts.createVerified(
                claireEmail, Civility.MADAME, "Martin", "Claire", montval, false, GOOD_PASSWORD);
        platformAdmin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Plateforme", "Paule", null, true, GOOD_PASSWORD);
        administration.nameSuperAdmin(platformAdmin, montval, claire, IP);
    }

    @Test
    void aSuperAdminRemovedFromEveryOrganisationOfHisEstablishmentLosesEveryPowerOverIt() throws Exception {
        var paulEmail = People.uniqueEmail();
        var paul =
                accounts.createVerified(paulEmail, Civility.MONSIEUR, "Bernard", "Paul", lacBleu, false, GOOD_PASSWORD);
        var direction = administration.createSubOrganization(
                claire, montval, "LARGE", details("Direction des achats"), true, IP);
        accounts.join(paul, montval, IP);
        accounts.join(paul, direction, IP);
        administration.nameSuperAdmin(claire, montval, paul, IP);
        var token = Visitor.signedIn(mvc, paulEmail).apiToken();
        assertThat(api(get("/api/v1/organizations/" + montval.value() + "/users"), token))
                .isEqualTo(200);

        administration.removeUsers(claire, montval, Set.of(paul), IP);

        // still one of Montval's people, in its purchasing department: still its super admin
        assertThat(delegation.superAdminsOf(montval)).containsExactlyInAnyOrder(claire, paul);

        administration.removeUsers(claire, direction, Set.of(paul), IP);

        assertThat(delegation.superAdminsOf(montval)).containsExactly(claire);
        assertThat(api(get("/api/v1/organizations/" + montval.value() + "/users"), token))
                .isEqualTo(404);
        assertThat(api(
                        put("/api/v1/organizations/" + direction.value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Renommée par Paul\"}"),
                        token))
                .isEqualTo(404);
        assertThat(organizations.find(direction).orElseThrow().name()).isEqualTo("Direction des achats");
        var signedIn = Visitor.signedIn(mvc, paulEmail);
        assertThat(signedIn.perform(get("/organisations/" + montval.value() + "/demandes-acces"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // two more seats are free: his no longer counts toward the three
        for (var i = 0; i < 2; i++) {
            var next = accounts.createVerified(
                    People.uniqueEmail(montvalDomain),
                    Civility.MADAME,
                    "Suivante",
                    "N" + i,
                    montval,
                    false,
                    GOOD_PASSWORD);
            administration.nameSuperAdmin(claire, montval, next, IP);
        }
        assertThat(delegation.superAdminsOf(montval)).hasSize(3);
        // he kept his own establishment and his account
        assertThat(accounts.find(paul).orElseThrow().active()).isTrue();
    }

    @Test
    void anAdminWhoMayOnlyCreateUsersCannotRemoveASuperAdmin() throws Exception {
        var managerEmail = People.uniqueEmail(montvalDomain);
        var manager = accounts.createVerified(
                managerEmail, Civility.MONSIEUR, "Gestion", "Gaston", montval, false, GOOD_PASSWORD);
        administration.saveMatrix(
                claire, montval, Grant.Kind.ADMIN, Grant.NO_SERVICE, Map.of(manager, Set.of("CREATE_USERS")), IP);
        var second = accounts.createVerified(
                People.uniqueEmail(montvalDomain), Civility.MADAME, "Seconde", "Sonia", montval, false, GOOD_PASSWORD);
        administration.nameSuperAdmin(claire, montval, second, IP);
        var token = Visitor.signedIn(mvc, managerEmail).apiToken();

        var status = api(delete("/api/v1/organizations/" + montval.value() + "/users/" + claire.value()), token);

        assertThat(status).isEqualTo(409);
        assertThat(accounts.isMemberOf(claire, montval)).isTrue();
        assertThat(accounts.find(claire).orElseThrow().active()).isTrue();
        assertThat(delegation.superAdminsOf(montval)).contains(claire, second);
        // a super admin may: his peer is not the last one
        administration.removeUsers(second, montval, Set.of(claire), IP);
        assertThat(delegation.superAdminsOf(montval)).containsExactly(second);
    }

    @Test
    void nobodyRemovesTheLastSuperAdminOfAnEstablishmentNotEvenTheAgency() {
        assertThatThrownBy(() -> administration.removeUsers(platformAdmin, montval, Set.of(claire), IP))
                .isInstanceOf(AdministrationRefusal.class)
                .hasMessageContaining("users.remove.last-super-admin");
        assertThatThrownBy(() -> administration.removeUsers(claire, montval, Set.of(claire), IP))
                .isInstanceOf(AdministrationRefusal.class);

        assertThat(accounts.isMemberOf(claire, montval)).isTrue();
        assertThat(delegation.superAdminsOf(montval)).containsExactly(claire);
    }

    @Test
    void aCorrespondentWhoLeavesHisEstablishmentNoLongerReadsNorWritesItsTickets() throws Exception {
        var site = site();
        var lucEmail = People.uniqueEmail(montvalDomain);
        var luc = accounts.createVerified(lucEmail, Civility.MONSIEUR, "Moreau", "Luc", montval, false, GOOD_PASSWORD);
        accounts.join(luc, lacBleu, IP);
        helpdesk.correspondent(montval, site.product(), luc, CorrespondentKind.FUNCTIONAL);
        var his = helpdesk.levelTwoTicket(
                luc,
                montval,
                site.category(),
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Écriture rejetée " + montvalDomain,
                "Luc l'a déposée avant de partir.");
        var luc2 = Visitor.signedIn(mvc, lucEmail);
        var token = luc2.apiToken();
        assertThat(luc2.perform(get("/demandes/" + his.value()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        administration.removeUsers(claire, montval, Set.of(luc), IP);
        var after = helpdesk.levelTwoTicket(
                site.colleague(),
                montval,
                site.category(),
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Clôture bloquée " + montvalDomain,
                "Déposée après son départ.");

        var visitor = Visitor.signedIn(mvc, lucEmail);
        for (var ticket : List.of(his, after)) {
            assertThat(visitor.perform(get("/demandes/" + ticket.value()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThat(api(get("/api/v1/tickets/" + ticket.value()), token)).isEqualTo(404);
            var attached = visitor.perform(multipart("/demandes/" + ticket.value() + "/pieces")
                            .file(new MockMultipartFile("file", "note.txt", "text/plain", "une note".getBytes()))
                            .with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(attached).isEqualTo(404);
        }
        var search = visitor.perform(get("/demandes/recherche").param("q", montvalDomain))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(search).select("[data-testid=results] a").eachAttr("href"))
                .doesNotContain("/demandes/" + his.value(), "/demandes/" + after.value());
        var found = mvcApi(get("/api/v1/tickets").param("q", montvalDomain), token);
        assertThat(JsonPath.<List<Integer>>read(found, "$.tickets[*].id")).isEmpty();
        var dashboard = visitor.perform(get("/demandes/etablissement"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard).doesNotContain("Université de Montval " + montvalDomain);
        // the colleague who stayed still reads both, and is now the one told of the ticket Luc filed
        var colleague = Visitor.signedIn(mvc, site.colleagueEmail());
        assertThat(colleague
                        .perform(get("/demandes/" + his.value()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        helpdesk.takeAndAsk(site.agent(), his, "Quelle version du navigateur ?");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Mails.distinctTo(greenMail, site.colleagueEmail()).stream()
                        .anyMatch(m -> Mails.body(m).contains("Quelle version du navigateur ?")));
        // the question, not a count of his mails: those of his own ticket may still be on their way
        assertThat(Mails.to(greenMail, lucEmail))
                .noneMatch(m -> Mails.body(m).contains("Quelle version du navigateur ?"));
    }

    @Test
    void anOpenSessionActingForTheOrganisationLeftActsForOneHeStillBelongsTo() throws Exception {
        var paulEmail = People.uniqueEmail();
        var paul =
                accounts.createVerified(paulEmail, Civility.MONSIEUR, "Bernard", "Paul", lacBleu, false, GOOD_PASSWORD);
        accounts.join(paul, montval, IP);
        var visitor = Visitor.signedIn(mvc, paulEmail);
        visitor.perform(MockMvcRequestBuilders.post("/compte/organisation-active")
                .param("organization", String.valueOf(montval.value()))
                .with(csrf()));
        assertThat(header(visitor)).contains("Montval");

        administration.removeUsers(claire, montval, Set.of(paul), IP);

        assertThat(header(visitor)).contains("Lac Bleu").doesNotContain("Montval");
    }

    @Test
    void anAccountDisabledByItsLastRemovalLosesItsSessionsAndItsTokensAtOnce() throws Exception {
        var email = People.uniqueEmail(montvalDomain);
        var person = accounts.createVerified(email, Civility.MADAME, "Seule", "Sophie", montval, false, GOOD_PASSWORD);
        var visitor = Visitor.signedIn(mvc, email);
        var token = visitor.apiToken();
        assertThat(api(get("/api/v1/me"), token)).isEqualTo(200);

        administration.removeUsers(claire, montval, Set.of(person), IP);

        assertThat(api(get("/api/v1/me"), token)).isEqualTo(401);
        var response = visitor.perform(get("/compte")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/connexion");
    }

    record Site(ProductId product, long category, AccountId colleague, String colleagueEmail, AccountId agent) {}

    private Site site() {
        var product = helpdesk.product(
                "SIFAC-" + montvalDomain.substring(0, 9),
                "Sifac " + montvalDomain,
                null,
                List.of("2026.1"),
                List.of(true));
        helpdesk.installedVersion(montval, product, "2026.1");
        var agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Agent", "Alain", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var team = helpdesk.team("Sifac " + montvalDomain, List.of(agent));
        var category = helpdesk.levelTwoCategory("Sifac " + montvalDomain, product, team);
        var colleagueEmail = People.uniqueEmail(montvalDomain);
        var colleague = accounts.createVerified(
                colleagueEmail, Civility.MADAME, "Collègue", "Chloé", montval, false, GOOD_PASSWORD);
        helpdesk.correspondent(montval, product, colleague, CorrespondentKind.TECHNICAL);
        return new Site(product, category, colleague, colleagueEmail, agent);
    }

    private String header(Visitor visitor) throws Exception {
        var page = Jsoup.parse(
                visitor.perform(get("/compte")).andReturn().getResponse().getContentAsString());
        return page.select("header").text();
    }

    private int api(MockHttpServletRequestBuilder request, String token) throws Exception {
        return new Visitor(mvc)
                .perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String mvcApi(MockHttpServletRequestBuilder request, String token) throws Exception {
        return new Visitor(mvc)
                .perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, "225 rue dématérialisée", "75000", "Paris", "01 45 45 45 45", null, null);
    }
}
