package fr.guichet.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.AuthorizationMatrixTest;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.Visitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every certificate page × every kind of person × where the organisation stands from him, in the
 * tree of {@link CertificatesWorld} (rights granted at A: A is "own", A1 "descendant", E "ancestor",
 * O another establishment); then the rule certificates put on the tree: no right granted in a new
 * sub-organisation before a request or inheritance. Outcomes: {@link MatrixCell}'s letters.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificatesMatrixTest {

    enum Scope {
        OWN,
        DESCENDANT,
        ANCESTOR,
        OTHER
    }

    enum Persona {
        PLATFORM_ADMIN,
        SUPER_ADMIN,
        ADMINISTRATOR,
        SUPERVISOR,
        MEMBER,
        AGENT,
        OTHER_SUPER_ADMIN,
        ANONYMOUS
    }

    /** Columns: OWN DESCENDANT ANCESTOR OTHER. */
    static final String EXPECTED = """
            PLATFORM_ADMIN      O O O O
            SUPER_ADMIN         O O O H
            ADMINISTRATOR       O O H H
            SUPERVISOR          F F H H
            MEMBER              H H H H
            AGENT               O O O O
            OTHER_SUPER_ADMIN   H H H O
            ANONYMOUS           L L L L
            """;

    /**
     * Writes carry no data, or ids nothing has: rights are checked first, then the data refused, and
     * nothing changes. {certificate} is the organisation's own certificate (downloaded, never removed).
     */
    static final List<String> ENDPOINTS = List.of(
            "GET /organisations/{id}/certificats",
            "POST /organisations/{id}/certificats",
            "GET /organisations/{id}/certificats/{certificate}.pem",
            "POST /organisations/{id}/certificats/{certificate}/retrait",
            "GET /organisations/{id}/certificats/demande",
            "POST /organisations/{id}/certificats/demande",
            "POST /organisations/{id}/certificats/demandes/{request}/annulation",
            "GET /api/v1/organizations/{id}/encryption-certificates");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    Certificates certificates;

    CertificatesWorld world;
    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    final Map<Scope, Long> held = new EnumMap<>(Scope.class);

    @BeforeAll
    void world() throws Exception {
        world = new CertificatesWorld(mvc, accounts).build(organizations, delegation);
        var emails = Map.of(
                Persona.PLATFORM_ADMIN, world.platformAdmin,
                Persona.SUPER_ADMIN, world.superAdmin,
                Persona.ADMINISTRATOR, world.administrator,
                Persona.SUPERVISOR, world.supervisor,
                Persona.MEMBER, world.member,
                Persona.AGENT, world.agent,
                Persona.OTHER_SUPER_ADMIN, world.otherSuperAdmin);
        for (var entry : emails.entrySet()) {
            var visitor = Visitor.signedIn(mvc, entry.getValue());
            visitors.put(entry.getKey(), visitor);
            tokens.put(entry.getKey(), visitor.apiToken());
        }
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        for (var scope : Scope.values()) {
            var organization = organizations.find(organization(scope)).orElseThrow();
            var parsed = CertificateFile.read(
                    CertificatesWorld.certificate("Matrice " + scope).der(), Instant.now());
            held.put(
                    scope,
                    certificates
                            .upload(world.superAdminId, organization, parsed, "-")
                            .id());
        }
    }

    Stream<Arguments> cells() {
        var cells = new ArrayList<Arguments>();
        for (var endpoint : ENDPOINTS) {
            for (var persona : Persona.values()) {
                for (var scope : Scope.values()) {
                    cells.add(Arguments.of(endpoint, persona, scope));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} on {2}")
    @MethodSource("cells")
    void eachPersonGetsWhatTheTableSays(String endpoint, Persona persona, Scope scope) throws Exception {
        var method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        var path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{id}", Long.toString(organization(scope).value()))
                .replace("{certificate}", endpoint.endsWith(".pem") ? Long.toString(held.get(scope)) : "999999999")
                .replace("{request}", "999999999");
        var request = request(method, path);
        org.springframework.mock.web.MockHttpServletResponse response;
        if (path.startsWith("/api/")) {
            if (persona != Persona.ANONYMOUS) {
                request.header("Authorization", "Bearer " + tokens.get(persona));
            }
            response = mvc.perform(request).andReturn().getResponse();
        } else {
            if (method == HttpMethod.POST) {
                request.with(csrf());
            }
            response = visitors.get(persona).perform(request).andReturn().getResponse();
        }
        MatrixCell.assertOutcome(
                response,
                String.valueOf(expected(persona, scope)),
                path.startsWith("/api/"),
                endpoint + " as " + persona + " on " + scope);
        // nothing the table's writes sent changed anything: each organisation still holds its one certificate
        assertThat(certificates.own(organization(scope).value()))
                .extracting(HeldCertificate::id)
                .containsExactly(held.get(scope));
        assertThat(certificates.requests(organization(scope).value())).isEmpty();
    }

    @Test
    void everyCertificateScopedRowOfTheGeneralMatrixIsInThisTable() {
        var scoped = AuthorizationMatrixTest.MATRIX.stream()
                .filter(r -> r.access() == AuthorizationMatrixTest.Access.CERTIFICATE_SCOPED
                        || r.access() == AuthorizationMatrixTest.Access.API_CERTIFICATE_SCOPED)
                .map(r -> r.method() + " " + r.path())
                .toList();
        assertThat(ENDPOINTS).containsExactlyInAnyOrderElementsOf(scoped);
    }

    /**
     * Seed 004 §4.2.1: in a sub-organisation created with a certificate of its own, its administrator
     * grants nothing (page and API refuse, saying what to do) until a request exists; one created to
     * inherit its parent's grants at once. Taking rights back is never held up.
     */
    @Test
    void aNewSubOrganisationGrantsNoRightUntilItsCertificateIsRequestedOrInherited() throws Exception {
        var superAdmin = visitors.get(Persona.SUPER_ADMIN);
        var own = create(superAdmin, world.a, "Service à certificat propre", "REQUEST");
        var inheriting = create(superAdmin, world.a, "Service héritier", "INHERIT");
        // inheriting from an organisation that waits for its request is waiting too
        var heirOfOwn = create(superAdmin, own, "Bureau héritier du service", "INHERIT");
        var heirBuyer = world.person(world.domain, heirOfOwn);
        assertThat(world.grant(heirOfOwn, "roles", heirBuyer, "BUYER")).isEqualTo(409);
        var heirPage = Jsoup.parse(superAdmin
                .perform(get("/organisations/{id}/certificats", heirOfOwn.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(heirPage.select("[data-testid=awaits-request]").text())
                .contains("tant que l’organisation dont elle utilise les certificats n’a pas demandé le sien");
        assertThat(heirPage.select("[data-testid=awaits-request] a").attr("href"))
                .isEqualTo("/organisations/" + own.value() + "/certificats");
        var buyer = world.person(world.domain, own);
        var buyerId = accounts.findByEmail(buyer).orElseThrow().id();

        // the rights page says it before anyone tries, with the way to the request
        var page = Jsoup.parse(superAdmin
                .perform(get("/organisations/{id}/intervenants", own.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-testid=grants-wait]").text())
                .contains("tant qu’une demande de certificat de chiffrement n’a pas été faite")
                .contains("Demander le certificat de chiffrement");
        assertThat(page.select("[data-testid=grants-wait] a").attr("href"))
                .isEqualTo("/organisations/" + own.value() + "/certificats");

        // the page refuses the grant
        superAdmin.perform(post("/organisations/{id}/intervenants", own.value())
                .with(csrf())
                .param("service", "PROCUREMENT_ROOM")
                .param("person", Long.toString(buyerId.value()))
                .param("grant", buyerId.value() + ":BUYER"));
        assertThat(delegation.rolesOf(buyerId, own, "PROCUREMENT_ROOM")).isEmpty();
        // so do the API, with the reason, and the admin rights
        var api = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/organizations/{id}/roles", own.value())
                        .header("Authorization", "Bearer " + tokens.get(Persona.SUPER_ADMIN))
                        .header("Accept-Language", "fr")
                        .contentType("application/json")
                        .content("{\"" + buyerId.value() + "\":[\"BUYER\"]}"))
                .andReturn()
                .getResponse();
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getContentAsString())
                .contains("Aucun rôle ni droit ne peut être attribué")
                .doesNotContain("Exception");
        assertThat(world.grant(own, "admin-rights", buyer, "CREATE_USERS")).isEqualTo(409);
        assertThat(world.grant(own, "supervision-rights", buyer, "VIEW_CREDITS"))
                .isEqualTo(409);

        // the inheriting one grants at once
        var heir = world.person(world.domain, inheriting);
        assertThat(world.grant(inheriting, "roles", heir, "BUYER")).isEqualTo(204);

        // a request opens the rights
        superAdmin
                .perform(post("/organisations/{id}/certificats/demande", own.value())
                        .with(csrf())
                        .param("recipient", "Jeanne Martin")
                        .param("address", "1 place de l’Hôtel de Ville")
                        .param("postalCode", "69003")
                        .param("city", "Lyon")
                        .param("support", "USB_KEY")
                        .param("supports", "2"))
                .andReturn();
        assertThat(certificates.requests(own.value())).hasSize(1);
        assertThat(world.grant(own, "roles", buyer, "BUYER")).isEqualTo(204);
        assertThat(delegation.rolesOf(buyerId, own, "PROCUREMENT_ROOM")).containsExactly("BUYER");

        assertThat(world.grant(heirOfOwn, "roles", heirBuyer, "BUYER")).isEqualTo(204);

        // the rights rest on that request: its administrators cannot withdraw it, the agency can
        var request = certificates.requests(own.value()).get(0);
        var cancel = superAdmin
                .perform(post("/organisations/{id}/certificats/demandes/{r}/annulation", own.value(), request.id())
                        .with(csrf()))
                .andReturn();
        assertThat(cancel.getFlashMap().get("refusal")).isEqualTo("certificates.request.last-one");
        assertThat(certificates.requests(own.value()).get(0).status()).isEqualTo(RequestStatus.REQUESTED);
        var withdrawn = visitors.get(Persona.AGENT)
                .perform(post("/agence/certificats/demandes/{r}", request.id())
                        .with(csrf())
                        .param("step", "CANCEL"))
                .andReturn()
                .getResponse();
        assertThat(withdrawn.getRedirectedUrl()).isEqualTo("/agence/certificats/demandes/" + request.id());
        // a cancelled request no longer counts: new grants wait again, what was granted stays and can be taken back
        assertThat(certificates.requests(own.value()).get(0).status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(world.grant(own, "admin-rights", buyer, "CREATE_USERS")).isEqualTo(409);
        assertThat(delegation.rolesOf(buyerId, own, "PROCUREMENT_ROOM")).containsExactly("BUYER");
        var revoke = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/organizations/{id}/roles", own.value())
                        .header("Authorization", "Bearer " + tokens.get(Persona.SUPER_ADMIN))
                        .contentType("application/json")
                        .content("{\"" + buyerId.value() + "\":[]}"))
                .andReturn()
                .getResponse();
        assertThat(revoke.getStatus()).isEqualTo(204);
        assertThat(delegation.rolesOf(buyerId, own, "PROCUREMENT_ROOM")).isEmpty();
    }

    private OrganizationId create(Visitor visitor, OrganizationId parent, String name, String certificate)
            throws Exception {
        var location = visitor.perform(post("/organisations/{id}/sous-organisations/nouvelle", parent.value())
                        .with(csrf())
                        .param("name", name)
                        .param("typeCode", "SMALL")
                        .param("certificate", certificate))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).as("created: %s", name).matches("/organisations/\\d+");
        return new OrganizationId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private OrganizationId organization(Scope scope) {
        return switch (scope) {
            case OWN -> world.a;
            case DESCENDANT -> world.a1;
            case ANCESTOR -> world.e;
            case OTHER -> world.o;
        };
    }

    private static char expected(Persona persona, Scope scope) {
        var row = EXPECTED.lines()
                .filter(l -> l.startsWith(persona.name() + " "))
                .findFirst()
                .orElseThrow();
        return row.substring(persona.name().length())
                .strip()
                .split("\\s+")[scope.ordinal()]
                .charAt(0);
    }
}
