package fr.guichet.access;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.documents.TestFiles;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What a member and his super admin see on the pages and in the API: favourites first and on the
 * home page, the establishment's own tools and hidden services, the API's decision rules with
 * problem details, and the audit trail of each decision.
 */
@IntegrationTest
class AccessPagesAndApiTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    AccessRequests requests;

    @Autowired
    JdbcClient jdbc;

    String domain;
    OrganizationId establishment;
    String memberEmail;
    AccountId member;
    AccountId superAdmin;
    Visitor memberBrowser;
    Visitor superAdminBrowser;
    ServiceId alpha;
    ServiceId beta;

    @BeforeEach
    void establishmentPeopleAndTwoGrantedServices() throws Exception {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var superAdminEmail = People.uniqueEmail(domain);
        superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MADAME, "Chef", "Chloé", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        memberEmail = People.uniqueEmail(domain);
        member = accounts.createVerified(
                memberEmail, Civility.MONSIEUR, "Membre", "Marc", establishment, false, GOOD_PASSWORD);
        alpha = service("AAA accord " + domain);
        beta = service("ZZZ accord " + domain);
        for (var s : new ServiceId[] {alpha, beta}) {
            requests.ask(member, s, Optional.empty(), Locale.FRENCH, "-");
        }
        requests.mine(member).forEach(r -> requests.decide(superAdmin, r.id(), true, null, Locale.FRENCH, "-"));
        memberBrowser = Visitor.signedIn(mvc, memberEmail);
        superAdminBrowser = Visitor.signedIn(mvc, superAdminEmail);
    }

    @Test
    void aFavouriteComesFirstInMesOutilsEtServicesAndShowsOnTheHomePage() throws Exception {
        assertThat(grantedNames()).containsSubsequence("AAA accord " + domain, "ZZZ accord " + domain);

        memberBrowser.perform(post("/services/" + beta.value() + "/favori")
                .param("favori", "true")
                .param("retour", "mes-services")
                .with(csrf()));

        assertThat(grantedNames()).containsSubsequence("ZZZ accord " + domain, "AAA accord " + domain);
        var home = Jsoup.parse(
                memberBrowser.perform(get("/")).andReturn().getResponse().getContentAsString());
        assertThat(home.select("[data-testid=favourites] li").eachText())
                .singleElement()
                .asString()
                .contains("ZZZ accord " + domain);
        memberBrowser.perform(post("/services/" + beta.value() + "/favori")
                .param("favori", "false")
                .with(csrf()));
        assertThat(grantedNames()).containsSubsequence("AAA accord " + domain, "ZZZ accord " + domain);
    }

    @Test
    void theSuperAdminAddsAToolAndHidesAServiceForHisMembers() throws Exception {
        var invalid = superAdminBrowser
                .perform(post("/organisations/" + establishment.value() + "/outils")
                        .param("name", "Intranet")
                        .param("url", "javascript:alert(1)")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(invalid.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(invalid.getContentAsString())
                        .select("[data-testid=error-summary]")
                        .text())
                .contains("Saisissez une adresse commençant par http:// ou https://.");

        superAdminBrowser.perform(post("/organisations/" + establishment.value() + "/outils")
                .param("name", "Intranet RH")
                .param("url", "https://intranet.example/rh")
                .param("description", "Congés")
                .with(csrf()));
        var hidden = service("Masqué " + domain);
        superAdminBrowser.perform(
                post("/organisations/" + establishment.value() + "/services/" + hidden.value() + "/masquage")
                        .param("masque", "true")
                        .with(csrf()));

        var catalogue = Jsoup.parse(memberBrowser
                .perform(get("/services"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(catalogue.select("[data-testid=tools] a").attr("href")).isEqualTo("https://intranet.example/rh");
        assertThat(catalogue.select("[data-testid=service-name]").eachText())
                .contains("AAA accord " + domain)
                .doesNotContain("Masqué " + domain);
        assertThat(memberBrowser
                        .perform(
                                post("/services/" + hidden.value() + "/demande").with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theApiSaysWhyARequestIsRefusedAndTheSecondDecisionIsAConflict() throws Exception {
        var gamma = service("Gamma " + domain);
        var memberToken = memberBrowser.apiToken();
        var superAdminToken = superAdminBrowser.apiToken();

        var created = mvc.perform(post("/api/v1/access-requests")
                        .header("Authorization", "Bearer " + memberToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\": " + gamma.value() + "}"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        var body = created.getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.outcome")).isEqualTo("SENT_TO_SUPER_ADMINS");
        long id = JsonPath.<Number>read(body, "$.request.id").longValue();

        var twice = mvc.perform(post("/api/v1/access-requests")
                        .header("Authorization", "Bearer " + memberToken)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\": " + gamma.value() + "}"))
                .andReturn()
                .getResponse();
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(twice.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .isEqualTo("Vous avez déjà demandé ce service : votre demande est en attente de validation.");

        var noReason = decide(superAdminToken, id, "{\"accept\": false}");
        assertThat(noReason.getStatus()).isEqualTo(409);
        var byMember = decide(memberToken, id, "{\"accept\": true}");
        assertThat(byMember.getStatus())
                .as("the requester is not a decider: the request does not exist for him")
                .isEqualTo(404);
        assertThat(decide(superAdminToken, id, "{\"accept\": true, \"comment\": \"Bienvenue\"}")
                        .getStatus())
                .isEqualTo(200);
        var again = decide(superAdminToken, id, "{\"accept\": false, \"comment\": \"Non\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .isEqualTo("Cette demande a déjà été traitée par un autre décideur : sa décision s’applique.");

        var pending = mvc.perform(get("/api/v1/access-requests")
                        .param("establishment", "" + establishment.value())
                        .header("Authorization", "Bearer " + memberToken))
                .andReturn()
                .getResponse();
        assertThat(pending.getStatus())
                .as("a member does not see his establishment's queue")
                .isEqualTo(404);

        // the trail is written after the commit, by the audit module's listener
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_entry where details = ? order by id")
                                .param("request=" + id)
                                .query(String.class)
                                .list())
                        .containsExactly("ACCESS_REQUESTED", "ACCESS_ACCEPTED"));
    }

    @Test
    void staffUploadsThroughTheApiTheHolderDownloadsAndEveryActOnFilesIsInTheAuditTrail() throws Exception {
        var staffEmail = People.uniqueEmail();
        accounts.createVerified(staffEmail, Civility.MADAME, "Agence", "Ada", null, true, GOOD_PASSWORD);
        var staffToken = Visitor.signedIn(mvc, staffEmail).apiToken();
        var pdf = TestFiles.pdf("Bordereau " + domain);

        var uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/services/" + alpha.value() + "/documents")
                        .file(new MockMultipartFile("file", "bordereau.pdf", "application/pdf", pdf))
                        .param("area", "ESTABLISHMENTS")
                        .param("family", "BUSINESS")
                        .param("title", "Bordereau " + domain)
                        .header("Authorization", "Bearer " + staffToken))
                .andReturn()
                .getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(201);
        long document =
                JsonPath.<Number>read(uploaded.getContentAsString(), "$.id").longValue();
        var refused = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/services/" + alpha.value() + "/documents")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}))
                        .param("area", "ESTABLISHMENTS")
                        .param("family", "BUSINESS")
                        .param("title", "Programme")
                        .header("Authorization", "Bearer " + staffToken)
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(refused.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .startsWith("Ce type de fichier");

        var download = memberBrowser
                .perform(get("/services/" + alpha.value() + "/documents/" + document))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("bordereau.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(requests.mine(member).stream()
                                .filter(r -> r.service().equals(alpha))
                                .findFirst()
                                .orElseThrow()
                                .lastUsedAt())
                        .as("the download is a use of the grant")
                        .isNotNull());

        Visitor.signedIn(mvc, staffEmail)
                .perform(post("/services/" + alpha.value() + "/documents/" + document + "/suppression")
                        .with(csrf()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_entry where details = ? order by id")
                                .param("document=" + document)
                                .query(String.class)
                                .list())
                        .containsExactly("DOCUMENT_ADDED", "DOCUMENT_REMOVED"));
        assertThat(memberBrowser
                        .perform(get("/services/" + alpha.value() + "/documents/" + document))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theAgencysStaffAreNotWarnedThatTheirOwnOrganisationHasNoSuperAdminButItsMembersAre() throws Exception {
        var agencyDomain = People.uniqueDomain();
        var agency = organizations.createEstablishment("Agence " + agencyDomain, "AG", Set.of(agencyDomain));
        var adminEmail = People.uniqueEmail(agencyDomain);
        accounts.createVerified(adminEmail, Civility.MADAME, "Lefèvre", "Sophie", agency, true, GOOD_PASSWORD);
        var agentEmail = People.uniqueEmail(agencyDomain);
        accounts.makeAgent(accounts.createVerified(
                agentEmail, Civility.MONSIEUR, "Garnier", "Hugo", agency, false, GOOD_PASSWORD));
        var otherDomain = People.uniqueDomain();
        var withoutSuperAdmin =
                organizations.createEstablishment("Université " + otherDomain, "UL", Set.of(otherDomain));
        var memberThere = People.uniqueEmail(otherDomain);
        accounts.createVerified(
                memberThere, Civility.MONSIEUR, "Bernard", "Paul", withoutSuperAdmin, false, GOOD_PASSWORD);

        for (var staff : new String[] {adminEmail, agentEmail}) {
            assertThat(catalogueOf(staff).select("[data-testid=no-super-admin]"))
                    .as(staff)
                    .isEmpty();
        }
        assertThat(catalogueOf(memberThere)
                        .select("[data-testid=no-super-admin]")
                        .text())
                .contains("Université " + otherDomain + " n’a pas encore désigné de super admin");
    }

    @Test
    void theAgencysStaffReachEveryServicesDocumentSpaceFromTheCatalogueAndItsAdministration() throws Exception {
        var adminEmail = People.uniqueEmail();
        accounts.createVerified(adminEmail, Civility.MADAME, "Agence", "Ada", null, true, GOOD_PASSWORD);
        var agentEmail = People.uniqueEmail();
        accounts.makeAgent(
                accounts.createVerified(agentEmail, Civility.MONSIEUR, "Agent", "Hugo", null, false, GOOD_PASSWORD));
        var notAsked = service("Pas demandé " + domain);
        var documents = "/services/" + notAsked.value() + "/documents";

        var agentsCatalogue = catalogueOf(agentEmail);
        assertThat(agentsCatalogue
                        .select("#service-" + notAsked.value() + " a[data-testid=documents]")
                        .attr("href"))
                .isEqualTo(documents);
        assertThat(Jsoup.parse(memberBrowser
                                .perform(get("/services?domaines=tous"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#service-" + notAsked.value() + " a[href=\"" + documents + "\"]"))
                .as("not the member's: he holds no grant")
                .isEmpty();
        var admin = Visitor.signedIn(mvc, adminEmail);
        var list = Jsoup.parse(admin.perform(get("/administration/services"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list.select("a[data-testid=documents][href=\"" + documents + "\"]")
                        .attr("aria-label"))
                .isEqualTo("Espace documentaire : Pas demandé " + domain);
        var one = Jsoup.parse(admin.perform(get("/administration/services/" + notAsked.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(one.select("a[data-testid=documents]").attr("href")).isEqualTo(documents);
        assertThat(Visitor.signedIn(mvc, agentEmail)
                        .perform(get(documents))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("where the link leads, staff may upload")
                .contains("Déposer un document");
    }

    private Document catalogueOf(String email) throws Exception {
        return Jsoup.parse(Visitor.signedIn(mvc, email)
                .perform(get("/services?domaines=tous"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() throws Exception {
        var document =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        assertThat(document)
                .contains(
                        "/api/v1/services",
                        "/api/v1/access-requests",
                        "/api/v1/access-requests/{id}/decision",
                        "/api/v1/services/{id}/documents",
                        "/api/v1/services/{id}/documents/{documentId}/content");
    }

    private MockHttpServletResponse decide(String token, long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/access-requests/" + id + "/decision")
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private List<String> grantedNames() throws Exception {
        var page = Jsoup.parse(memberBrowser
                .perform(get("/mes-services"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        return page.select("[data-testid=granted] [data-testid=service-name]").eachText();
    }

    private ServiceId service(String name) {
        return services.define(new ServiceDefinition(
                "P" + Math.abs(System.nanoTime() % 1_000_000_000L),
                name,
                null,
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
    }
}
