package fr.guichet.changes;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Change requests × who asks (issue 14's matrix rows): a request is its site's correspondents' and
 * the agency's; anyone else is told it does not exist; deciding is the agency's staff's alone.
 * O = allowed, H = not found, F = refused (403), L = sent to sign in (401 in the API).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesMatrixTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    enum Persona {
        CORRESPONDENT,
        SITE_COLLEAGUE,
        OTHER_SITE_CORRESPONDENT,
        MEMBER,
        SUPER_ADMIN_NOT_CORRESPONDENT,
        CONTRACTOR,
        AGENT,
        ANONYMOUS
    }

    /** @param refusedInPlace an "O" that must be the form again, with why it refused, not any 2xx–4xx */
    record Row(
            String name,
            Supplier<AbstractMockHttpServletRequestBuilder<?>> request,
            boolean api,
            String expected,
            boolean refusedInPlace) {

        Row(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, boolean api, String expected) {
            this(name, request, api, expected, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    Delegation delegation;

    @Autowired
    ChangeRequests changes;

    @Autowired
    ChangeDecisions decisions;

    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    OrganizationId establishment;
    long product;
    long version;
    long pending;
    long decided;
    AccountId owner;

    @BeforeAll
    void aPendingAndADecidedRequest() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var otherDomain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Matrice " + domain, "M", Set.of(domain));
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        var harpege = reference.defineProduct("HARP-" + suffix, "Harpège " + suffix, null);
        product = harpege.value();
        version = reference.defineVersion(harpege, "3.2", true);
        var old = reference.defineVersion(harpege, "3.1", false);
        var otherProduct = reference.defineProduct("APO-" + suffix, "Apogée " + suffix, null);
        var otherVersion = reference.defineVersion(otherProduct, "6.0", true);
        var correspondent = person(Persona.CORRESPONDENT, People.uniqueEmail(domain), establishment);
        reference.nameCorrespondent(establishment, harpege, correspondent, CorrespondentKind.FUNCTIONAL, null);
        reference.nameCorrespondent(establishment, otherProduct, correspondent, CorrespondentKind.FUNCTIONAL, null);
        reference.nameCorrespondent(
                establishment,
                harpege,
                person(Persona.SITE_COLLEAGUE, People.uniqueEmail(domain), establishment),
                CorrespondentKind.TECHNICAL,
                null);
        reference.nameCorrespondent(
                other,
                harpege,
                person(Persona.OTHER_SITE_CORRESPONDENT, People.uniqueEmail(otherDomain), other),
                CorrespondentKind.FUNCTIONAL,
                null);
        person(Persona.MEMBER, People.uniqueEmail(domain), establishment);
        delegation.nameFirstSuperAdmin(
                establishment,
                person(Persona.SUPER_ADMIN_NOT_CORRESPONDENT, People.uniqueEmail(domain), establishment));
        reference.defineContractor(
                "Presta " + suffix, List.of(person(Persona.CONTRACTOR, People.uniqueEmail("k.test"), null)));
        var agent = person(Persona.AGENT, People.uniqueEmail("agence.test"), null);
        accounts.makeAgent(agent);
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        reference.validateInstalledVersion(establishment, harpege, old, null);
        pending = changes.askInstalledVersion(
                        correspondent,
                        establishment,
                        harpege,
                        version,
                        new ChangeRequests.Upload(
                                "harpege.ver", new ByteArrayInputStream("3.2".getBytes(StandardCharsets.UTF_8))))
                .value();
        var refused = changes.askInstalledVersion(correspondent, establishment, otherProduct, otherVersion, null);
        decisions.refuse(agent, refused, "Non");
        decided = refused.value();
    }

    Stream<Arguments> cells() {
        var r = "/espace-correspondant/demandes/" + pending;
        var a = "/api/v1/change-requests/";
        var site = "O O H H H H H L";
        var request = "O O H H H H O L";
        var staff = "F F F F F F O L";
        var rows = Stream.of(
                new Row("GET space", () -> get("/espace-correspondant"), false, "O O O O O O O L"),
                new Row(
                        "GET version form",
                        () -> get("/espace-correspondant/version")
                                .param("etablissement", String.valueOf(establishment.value()))
                                .param("produit", String.valueOf(product)),
                        false,
                        site),
                new Row(
                        "POST version form",
                        () -> multipart("/espace-correspondant/version")
                                .param("etablissement", String.valueOf(establishment.value()))
                                .param("produit", String.valueOf(product))
                                .param("version", String.valueOf(version))
                                .with(csrf()),
                        false,
                        site),
                new Row("GET servers form", () -> onSite(get("/espace-correspondant/serveurs")), false, site),
                new Row(
                        "POST servers (a server without a name)",
                        () -> onSite(post("/espace-correspondant/serveurs"))
                                .param("servers[0].role", "PRODUCTION")
                                .with(csrf()),
                        false,
                        site,
                        true),
                new Row("GET correspondents", () -> onSite(get("/espace-correspondant/correspondants")), false, site),
                new Row(
                        "POST departure (of no correspondent)",
                        () -> onSite(post("/espace-correspondant/correspondants/depart"))
                                .param("compte", "0")
                                .param("nature", "TECHNICAL")
                                .with(csrf()),
                        false,
                        site,
                        true),
                new Row(
                        "POST arrival (not an address)",
                        () -> onSite(post("/espace-correspondant/correspondants/arrivee"))
                                .param("email", "pas-une-adresse")
                                .param("nature", "TECHNICAL")
                                .with(csrf()),
                        false,
                        site,
                        true),
                new Row("GET contact form", () -> onSite(get("/espace-correspondant/coordonnees")), false, site),
                new Row(
                        "POST contact (not a phone)",
                        () -> onSite(post("/espace-correspondant/coordonnees"))
                                .param("contactPhone", "appelez-moi")
                                .with(csrf()),
                        false,
                        site,
                        true),
                new Row(
                        "GET establishment form",
                        () -> get("/espace-correspondant/etablissement")
                                .param("etablissement", String.valueOf(establishment.value())),
                        false,
                        site),
                new Row(
                        "POST establishment (not a website)",
                        () -> post("/espace-correspondant/etablissement")
                                .param("etablissement", String.valueOf(establishment.value()))
                                .param("website", "www.sans-protocole")
                                .with(csrf()),
                        false,
                        site,
                        true),
                new Row("GET request", () -> get(r), false, request),
                new Row("GET request's file", () -> get(r + "/fichier"), false, request),
                new Row("GET agency queue", () -> get("/agence/modifications"), false, staff),
                new Row(
                        "POST validation (already decided)",
                        () -> post("/agence/modifications/" + decided + "/validation")
                                .with(csrf()),
                        false,
                        staff),
                new Row(
                        "POST refusal (no reason)",
                        () -> post("/agence/modifications/" + pending + "/refus")
                                .with(csrf()),
                        false,
                        staff),
                new Row("API mine", () -> get("/api/v1/change-requests"), true, "O O O O O O O L"),
                new Row("API sites", () -> get(a + "sites"), true, "O O O O O O O L"),
                new Row("API request", () -> get(a + pending), true, request),
                new Row("API queue", () -> get(a + "queue"), true, staff),
                new Row(
                        "API ask (one already pending)",
                        () -> post("/api/v1/change-requests")
                                .contentType("application/json")
                                .content("{\"kind\": \"INSTALLED_VERSION\", \"establishmentId\": "
                                        + establishment.value() + ", \"productId\": " + product + ", \"versionId\": "
                                        + version + "}"),
                        true,
                        site),
                new Row(
                        "API ask servers (a server without a role)",
                        () -> post("/api/v1/change-requests")
                                .contentType("application/json")
                                .content("{\"kind\": \"SERVERS\", \"establishmentId\": " + establishment.value()
                                        + ", \"productId\": " + product + ", \"servers\": [{\"name\": \"srv\"}]}"),
                        true,
                        site),
                new Row(
                        "API decision (already decided)",
                        () -> post(a + decided + "/decision")
                                .contentType("application/json")
                                .content("{\"verdict\": \"VALIDATE\"}"),
                        true,
                        staff));
        return rows.flatMap(row -> Stream.of(Persona.values()).map(p -> Arguments.of(row, p)));
    }

    private AbstractMockHttpServletRequestBuilder<?> onSite(AbstractMockHttpServletRequestBuilder<?> request) {
        return request.param("etablissement", String.valueOf(establishment.value()))
                .param("produit", String.valueOf(product));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void onlyTheSitesCorrespondentsAndTheAgencyReachARequest(Row row, Persona persona) throws Exception {
        var expected = row.expected().split(" ")[persona.ordinal()];
        var request = row.request().get();
        if (row.api() && tokens.containsKey(persona)) {
            request.header("Authorization", "Bearer " + tokens.get(persona));
        }
        var response = (row.api() ? new Visitor(mvc) : visitors.get(persona))
                .perform(request)
                .andReturn()
                .getResponse();
        var cell = row + " as " + persona;
        MatrixCell.assertOutcome(response, expected, row.api(), cell);
        if (expected.equals("O") && row.refusedInPlace()) {
            assertThat(response.getStatus()).as(cell).isEqualTo(200);
            assertThat(response.getContentAsString()).as(cell).contains("data-testid=\"refusal\"");
        }
        assertThat(changes.find(owner, new ChangeRequestId(pending)).status())
                .as("the pending request stays pending whoever tried")
                .isEqualTo(ChangeStatus.PENDING);
    }

    private AccountId person(Persona persona, String email, OrganizationId organization) throws Exception {
        var id = accounts.createVerified(
                email, Civility.MADAME, persona.name().replace('_', ' '), "Test", organization, false, GOOD_PASSWORD);
        var visitor = Visitor.signedIn(mvc, email);
        visitors.put(persona, visitor);
        tokens.put(persona, visitor.apiToken());
        if (persona == Persona.CORRESPONDENT) {
            owner = id;
        }
        return id;
    }
}
