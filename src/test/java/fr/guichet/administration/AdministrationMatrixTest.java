package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.AuthorizationMatrixTest;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every organisation page × every kind of person × where the organisation stands from him.
 * The tree: establishment E → A → A1, and B under E; another establishment O. Rights are
 * granted at A, so A is "own", A1 "descendant", E "ancestor", B "sibling", O "other".
 * Outcomes: O allowed, D refused (403), H hidden (404: it does not exist for him), L sign-in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationMatrixTest {

    enum Scope {
        OWN,
        DESCENDANT,
        ANCESTOR,
        SIBLING,
        OTHER
    }

    enum Persona {
        PLATFORM_ADMIN,
        SUPER_ADMIN,
        CREATE_USERS,
        CREATE_ADMINS,
        CREATE_SUB_ORGANIZATIONS,
        CREATE_USERS_OF_SUB_ORGANIZATIONS,
        CREATE_ADMINS_OF_SUB_ORGANIZATIONS,
        SUPERVISOR,
        MEMBER,
        OTHER_ADMIN,
        /** was E's super admin, removed from it (a member of O since), signed in since before */
        FORMER_SUPER_ADMIN,
        /** one of the agency's agents, member of O: staff, but no admin of anybody's tree */
        AGENT,
        ANONYMOUS
    }

    /** Columns: OWN DESCENDANT ANCESTOR SIBLING OTHER. */
    static final Map<Administration.Capability, String> EXPECTED = Map.of(
            Administration.Capability.SEE, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        O O H H H
                    CREATE_ADMINS                       O O H H H
                    CREATE_SUB_ORGANIZATIONS            O O H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   O O H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  O O H H H
                    SUPERVISOR                          O O H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.VIEW, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        O O H H H
                    CREATE_ADMINS                       O O H H H
                    CREATE_SUB_ORGANIZATIONS            O O H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   O O H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  O O H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.MANAGE_USERS, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        O D H H H
                    CREATE_ADMINS                       D D H H H
                    CREATE_SUB_ORGANIZATIONS            D D H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   D O H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  D D H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.NAME_ADMINS, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        D D H H H
                    CREATE_ADMINS                       O D H H H
                    CREATE_SUB_ORGANIZATIONS            D D H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   D D H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  D O H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.CREATE_SUB_ORGANIZATIONS, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        D D H H H
                    CREATE_ADMINS                       D D H H H
                    CREATE_SUB_ORGANIZATIONS            O O H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   D D H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  D D H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.CHANGE, """
                    PLATFORM_ADMIN                      O O O O O
                    SUPER_ADMIN                         O O O O H
                    CREATE_USERS                        O O H H H
                    CREATE_ADMINS                       O O H H H
                    CREATE_SUB_ORGANIZATIONS            O O H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   O O H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  O O H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.DELETE, """
                    PLATFORM_ADMIN                      O O D O D
                    SUPER_ADMIN                         O O D O H
                    CREATE_USERS                        D D H H H
                    CREATE_ADMINS                       D D H H H
                    CREATE_SUB_ORGANIZATIONS            D O H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   D D H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  D D H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H D
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """,
            Administration.Capability.NAME_SUPER_ADMINS, """
                    PLATFORM_ADMIN                      D D O D O
                    SUPER_ADMIN                         D D O D H
                    CREATE_USERS                        D D H H H
                    CREATE_ADMINS                       D D H H H
                    CREATE_SUB_ORGANIZATIONS            D D H H H
                    CREATE_USERS_OF_SUB_ORGANIZATIONS   D D H H H
                    CREATE_ADMINS_OF_SUB_ORGANIZATIONS  D D H H H
                    SUPERVISOR                          H H H H H
                    MEMBER                              H H H H H
                    OTHER_ADMIN                         H H H H O
                    FORMER_SUPER_ADMIN                  H H H H H
                    AGENT                               H H H H H
                    ANONYMOUS                           L L L L L
                    """);

    /** For the API, a JSON body: {name} is the organisation's own name, {member} the e-mail of one of its members. */
    record Endpoint(HttpMethod method, String path, Administration.Capability capability, String body) {

        Endpoint(HttpMethod method, String path, Administration.Capability capability) {
            this(method, path, capability, null);
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** POSTs carry no (or invalid) data: the rights are checked first, and nothing changes. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/organisations/{id}", Administration.Capability.SEE),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/utilisateurs", Administration.Capability.VIEW),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/journal", Administration.Capability.VIEW),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/journal.csv", Administration.Capability.VIEW),
            new Endpoint(
                    HttpMethod.GET, "/organisations/{id}/utilisateurs/nouveau", Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/nouveau",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/retrait",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/retrait/confirmation",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.GET,
                    "/organisations/{id}/utilisateurs/declarations",
                    Administration.Capability.MANAGE_USERS),
            // no declaration of that number waits there: allowed visitors are told so (a redirect with a message)
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/declarations/{declaration}/confirmation",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/declarations/{declaration}/refus",
                    Administration.Capability.MANAGE_USERS),
            // the outsider is nobody's member: allowed visitors are told so (a redirect with a message)
            new Endpoint(
                    HttpMethod.GET,
                    "/organisations/{id}/utilisateurs/{accountId}/authentification",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/utilisateurs/{accountId}/authentification",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.GET, "/organisations/{id}/utilisateurs/import", Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.POST, "/organisations/{id}/utilisateurs/import", Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.GET,
                    "/organisations/{id}/utilisateurs/import/{importId}",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/intervenants", Administration.Capability.MANAGE_USERS),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/intervenants", Administration.Capability.MANAGE_USERS),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/administrateurs", Administration.Capability.NAME_ADMINS),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/administrateurs", Administration.Capability.NAME_ADMINS),
            new Endpoint(
                    HttpMethod.GET,
                    "/organisations/{id}/sous-organisations/nouvelle",
                    Administration.Capability.CREATE_SUB_ORGANIZATIONS),
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/sous-organisations/nouvelle",
                    Administration.Capability.CREATE_SUB_ORGANIZATIONS),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/modifier", Administration.Capability.CHANGE),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/modifier", Administration.Capability.CHANGE),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/suppression", Administration.Capability.DELETE),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/suppression", Administration.Capability.DELETE),
            new Endpoint(
                    HttpMethod.GET, "/organisations/{id}/super-admins", Administration.Capability.NAME_SUPER_ADMINS),
            new Endpoint(
                    HttpMethod.POST, "/organisations/{id}/super-admins", Administration.Capability.NAME_SUPER_ADMINS),
            // the outsider is nobody's super admin: allowed visitors are told so (a redirect with a message)
            new Endpoint(
                    HttpMethod.POST,
                    "/organisations/{id}/super-admins/{accountId}/retrait",
                    Administration.Capability.NAME_SUPER_ADMINS),
            new Endpoint(HttpMethod.GET, "/api/v1/organizations/{id}", Administration.Capability.VIEW),
            new Endpoint(
                    HttpMethod.PUT,
                    "/api/v1/organizations/{id}",
                    Administration.Capability.CHANGE,
                    "{\"name\":\"{name}\"}"),
            new Endpoint(HttpMethod.DELETE, "/api/v1/organizations/{id}", Administration.Capability.DELETE),
            new Endpoint(
                    HttpMethod.POST,
                    "/api/v1/organizations/{id}/sub-organizations",
                    Administration.Capability.CREATE_SUB_ORGANIZATIONS,
                    "{\"name\":\"X\",\"type\":\"NO_SUCH_TYPE\"}"),
            new Endpoint(HttpMethod.GET, "/api/v1/organizations/{id}/users", Administration.Capability.VIEW),
            new Endpoint(
                    HttpMethod.POST,
                    "/api/v1/organizations/{id}/users",
                    Administration.Capability.MANAGE_USERS,
                    "{\"civility\":\"MADAME\",\"lastName\":\"Déjà\",\"firstName\":\"Là\",\"email\":\"{member}\"}"),
            new Endpoint(
                    HttpMethod.DELETE,
                    "/api/v1/organizations/{id}/users/{accountId}",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(HttpMethod.GET, "/api/v1/organizations/{id}/roles", Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.PUT, "/api/v1/organizations/{id}/roles", Administration.Capability.MANAGE_USERS, "{}"),
            new Endpoint(
                    HttpMethod.GET, "/api/v1/organizations/{id}/admin-rights", Administration.Capability.NAME_ADMINS),
            new Endpoint(
                    HttpMethod.PUT,
                    "/api/v1/organizations/{id}/admin-rights",
                    Administration.Capability.NAME_ADMINS,
                    "{}"),
            new Endpoint(
                    HttpMethod.GET,
                    "/api/v1/organizations/{id}/supervision-rights",
                    Administration.Capability.MANAGE_USERS),
            new Endpoint(
                    HttpMethod.PUT,
                    "/api/v1/organizations/{id}/supervision-rights",
                    Administration.Capability.MANAGE_USERS,
                    "{}"));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Administration administration;

    final Map<Scope, OrganizationId> at = new EnumMap<>(Scope.class);
    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    final Map<Scope, String> names = new EnumMap<>(Scope.class);
    final Map<Scope, String> members = new EnumMap<>(Scope.class);
    AccountId outsider;
    final Map<Scope, Long> importIds = new EnumMap<>(Scope.class);

    @Autowired
    UserImports imports;

    @BeforeAll
    void treeAndPeople() throws Exception {
        var domain = People.uniqueDomain();
        var e = organizations.createEstablishment("E " + domain, "E", Set.of(domain));
        var otherDomain = People.uniqueDomain();
        var o = organizations.createEstablishment("O " + otherDomain, "O", Set.of(otherDomain));
        var platform = person(null, true);
        var superAdmin = person(e, false);
        administration.nameSuperAdmin(platform, e, superAdmin, "-");
        var otherAdmin = person(o, false);
        administration.nameSuperAdmin(platform, o, otherAdmin, "-");
        var formerSuperAdmin = person(e, false);
        accounts.join(formerSuperAdmin, o, "-");
        administration.nameSuperAdmin(platform, e, formerSuperAdmin, "-");
        // the super admin creates the branch and belongs to each organisation of it: none is empty, so none is deleted
        var a = administration.createSubOrganization(superAdmin, e, "LARGE", details("A"), true, "-");
        var a1 = administration.createSubOrganization(superAdmin, a, "LARGE", details("A1"), true, "-");
        var b = administration.createSubOrganization(superAdmin, e, "LARGE", details("B"), true, "-");
        for (var organization : List.of(a, a1, b)) {
            accounts.join(superAdmin, organization, "-");
        }
        at.putAll(Map.of(Scope.OWN, a, Scope.DESCENDANT, a1, Scope.ANCESTOR, e, Scope.SIBLING, b, Scope.OTHER, o));
        at.forEach((scope, id) ->
                names.put(scope, organizations.find(id).orElseThrow().name()));
        var superAdminEmail = accounts.find(superAdmin).orElseThrow().email();
        members.putAll(Map.of(
                Scope.OWN,
                superAdminEmail,
                Scope.DESCENDANT,
                superAdminEmail,
                Scope.ANCESTOR,
                superAdminEmail,
                Scope.SIBLING,
                superAdminEmail,
                Scope.OTHER,
                accounts.find(otherAdmin).orElseThrow().email()));
        for (var scope : Scope.values()) {
            var owner = scope == Scope.OTHER ? otherAdmin : superAdmin;
            importIds.put(
                    scope,
                    imports.start(
                            owner, at.get(scope), new StringReader("civilite;nom;prenom;email\n"), Locale.FRENCH, "-"));
        }
        // a person of no organisation: removing him anywhere is refused, whoever asks
        outsider = person(null, false);

        visitors.put(Persona.PLATFORM_ADMIN, signedIn(platform));
        visitors.put(Persona.SUPER_ADMIN, signedIn(superAdmin));
        visitors.put(Persona.OTHER_ADMIN, signedIn(otherAdmin));
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        for (var right : AdminRight.values()) {
            var admin = person(a, false);
            administration.saveMatrix(
                    superAdmin, a, Grant.Kind.ADMIN, Grant.NO_SERVICE, Map.of(admin, Set.of(right.name())), "-");
            visitors.put(Persona.valueOf(right.name()), signedIn(admin));
        }
        var supervisor = person(a, false);
        administration.saveMatrix(
                superAdmin,
                a,
                Grant.Kind.SUPERVISION,
                Grant.NO_SERVICE,
                Map.of(supervisor, Set.of(SupervisionRight.VIEW_CREDITS.name())),
                "-");
        visitors.put(Persona.SUPERVISOR, signedIn(supervisor));
        visitors.put(Persona.MEMBER, signedIn(person(a, false)));
        visitors.put(Persona.FORMER_SUPER_ADMIN, signedIn(formerSuperAdmin));
        var agent = person(o, false);
        accounts.makeAgent(agent);
        visitors.put(Persona.AGENT, signedIn(agent));
        for (var persona : Persona.values()) {
            if (persona != Persona.ANONYMOUS) {
                tokens.put(persona, visitors.get(persona).apiToken());
            }
        }
        administration.removeUsers(superAdmin, e, Set.of(formerSuperAdmin), "-");
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
    void eachPersonGetsWhatTheTableSays(Endpoint endpoint, Persona persona, Scope scope) throws Exception {
        var expected = expected(endpoint.capability(), persona, scope);
        var path = endpoint.path()
                .replace("{id}", Long.toString(at.get(scope).value()))
                .replace("{accountId}", Long.toString(outsider.value()))
                .replace("{declaration}", Long.toString(Long.MAX_VALUE))
                .replace("{importId}", Long.toString(importIds.get(scope)));
        var request = request(endpoint.method(), path);
        MockHttpServletResponse response;
        if (endpoint.api()) {
            if (persona != Persona.ANONYMOUS) {
                request.header("Authorization", "Bearer " + tokens.get(persona));
            }
            if (endpoint.body() != null) {
                request.contentType("application/json")
                        .content(endpoint.body()
                                .replace("{name}", names.get(scope))
                                .replace("{member}", members.get(scope)));
            }
            response = mvc.perform(request).andReturn().getResponse();
        } else {
            if (endpoint.method() == HttpMethod.POST) {
                request.with(csrf());
            }
            response = visitors.get(persona).perform(request).andReturn().getResponse();
        }
        var location = response.getRedirectedUrl();
        var actual = switch (response.getStatus()) {
            case 401 -> 'L';
            case 403 -> 'D';
            case 404 -> 'H';
            // 409: allowed to ask, and the rules of the domain said no (a refusal, not a permission)
            case 200, 201, 204, 302, 409 -> location != null && location.endsWith("/connexion") ? 'L' : 'O';
            default -> '?';
        };
        assertThat(actual)
                .as("%s as %s on %s (status %s)", endpoint, persona, scope, response.getStatus())
                .isEqualTo(expected);
    }

    @Test
    void everyOrganisationPageOfTheGeneralMatrixIsInThisTable() {
        var scoped = AuthorizationMatrixTest.MATRIX.stream()
                .filter(r -> r.access() == AuthorizationMatrixTest.Access.ORGANIZATION_SCOPED
                        || r.access() == AuthorizationMatrixTest.Access.API_ORGANIZATION_SCOPED)
                .map(r -> r.method() + " " + r.path())
                .toList();
        assertThat(ENDPOINTS.stream().map(Endpoint::toString).toList()).containsExactlyInAnyOrderElementsOf(scoped);
    }

    private static char expected(Administration.Capability capability, Persona persona, Scope scope) {
        var row = EXPECTED.get(capability)
                .lines()
                .filter(l -> l.startsWith(persona.name() + " "))
                .findFirst()
                .orElseThrow();
        var cells = row.substring(persona.name().length()).strip().split("\\s+");
        return cells[scope.ordinal()].charAt(0);
    }

    private AccountId person(OrganizationId organization, boolean platformAdmin) {
        return accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Test", "Persona", organization, platformAdmin, GOOD_PASSWORD);
    }

    private Visitor signedIn(AccountId id) throws Exception {
        return Visitor.signedIn(mvc, accounts.find(id).orElseThrow().email());
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, null, null, null, null, null, null);
    }
}
