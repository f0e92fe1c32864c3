package fr.guichet.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.AuthorizationMatrixTest;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.Visitor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Every credits page × every kind of person × where the organisation stands from him. The tree of
 * {@link CreditsWorld}: rights granted at A, so A is "own", A1 "descendant", E (the establishment)
 * "ancestor", O another establishment. Outcomes: {@link MatrixCell}'s letters.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditsMatrixTest {

    enum Scope {
        OWN,
        DESCENDANT,
        ANCESTOR,
        OTHER
    }

    enum Persona {
        PLATFORM_ADMIN,
        SUPER_ADMIN,
        CREDITS_SUPERVISOR,
        STATISTICS_SUPERVISOR,
        ADMINISTRATOR,
        MEMBER,
        AGENT,
        OTHER_SUPER_ADMIN,
        ANONYMOUS
    }

    enum Act {
        READ,
        CREDIT,
        CHOOSE_TREE
    }

    /** Columns: OWN DESCENDANT ANCESTOR OTHER. */
    static final Map<Act, String> EXPECTED = Map.of(
            Act.READ, """
                    PLATFORM_ADMIN          O O O O
                    SUPER_ADMIN             O O O H
                    CREDITS_SUPERVISOR      O O H H
                    STATISTICS_SUPERVISOR   F F H H
                    ADMINISTRATOR           F F H H
                    MEMBER                  H H H H
                    AGENT                   O O O O
                    OTHER_SUPER_ADMIN       H H H O
                    ANONYMOUS               L L L L
                    """,
            Act.CREDIT, """
                    PLATFORM_ADMIN          O O O O
                    SUPER_ADMIN             F F F H
                    CREDITS_SUPERVISOR      F F H H
                    STATISTICS_SUPERVISOR   F F H H
                    ADMINISTRATOR           F F H H
                    MEMBER                  H H H H
                    AGENT                   O O O O
                    OTHER_SUPER_ADMIN       H H H F
                    ANONYMOUS               L L L L
                    """,
            Act.CHOOSE_TREE, """
                    PLATFORM_ADMIN          O O O O
                    SUPER_ADMIN             O O O H
                    CREDITS_SUPERVISOR      F F H H
                    STATISTICS_SUPERVISOR   F F H H
                    ADMINISTRATOR           F F H H
                    MEMBER                  H H H H
                    AGENT                   O O O O
                    OTHER_SUPER_ADMIN       H H H O
                    ANONYMOUS               L L L L
                    """);

    record Endpoint(HttpMethod method, String path, Act act) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Writes carry no data: rights are checked first, then the missing data refused, and nothing changes. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/organisations/{id}/points", Act.READ),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/points.csv", Act.READ),
            new Endpoint(HttpMethod.GET, "/organisations/{id}/points/impression", Act.READ),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/points/releve", Act.READ),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/points/credit", Act.CREDIT),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/points/mouvements/{movement}/correction", Act.CREDIT),
            new Endpoint(HttpMethod.POST, "/organisations/{id}/points/arbre", Act.CHOOSE_TREE),
            new Endpoint(HttpMethod.GET, "/api/v1/organizations/{id}/credits", Act.READ));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    CreditsWorld world;
    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);

    @BeforeAll
    void world() throws Exception {
        world = new CreditsWorld(mvc, accounts).build(organizations, delegation);
        var emails = Map.of(
                Persona.PLATFORM_ADMIN, world.platformAdmin,
                Persona.SUPER_ADMIN, world.superAdmin,
                Persona.CREDITS_SUPERVISOR, world.creditsSupervisor,
                Persona.STATISTICS_SUPERVISOR, world.statisticsSupervisor,
                Persona.ADMINISTRATOR, world.administrator,
                Persona.MEMBER, world.member,
                Persona.AGENT, world.agent,
                Persona.OTHER_SUPER_ADMIN, world.otherSuperAdmin);
        for (var entry : emails.entrySet()) {
            var visitor = Visitor.signedIn(mvc, entry.getValue());
            visitors.put(entry.getKey(), visitor);
            tokens.put(entry.getKey(), visitor.apiToken());
        }
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
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
        var organization = switch (scope) {
            case OWN -> world.a;
            case DESCENDANT -> world.a1;
            case ANCESTOR -> world.e;
            case OTHER -> world.o;
        };
        var path = endpoint.path()
                .replace("{id}", Long.toString(organization.value()))
                .replace("{movement}", Long.toString(Long.MAX_VALUE));
        var request = request(endpoint.method(), path);
        org.springframework.mock.web.MockHttpServletResponse response;
        if (path.startsWith("/api/")) {
            if (persona != Persona.ANONYMOUS) {
                request.header("Authorization", "Bearer " + tokens.get(persona));
            }
            response = mvc.perform(request).andReturn().getResponse();
        } else {
            if (endpoint.method() == HttpMethod.POST) {
                request.with(csrf());
            }
            response = visitors.get(persona).perform(request).andReturn().getResponse();
        }
        MatrixCell.assertOutcome(
                response,
                String.valueOf(expected(endpoint.act(), persona, scope)),
                path.startsWith("/api/"),
                endpoint + " as " + persona + " on " + scope);
    }

    @Test
    void everySupervisionScopedCreditsRowOfTheGeneralMatrixIsInThisTable() {
        var scoped = AuthorizationMatrixTest.MATRIX.stream()
                .filter(r -> r.access() == AuthorizationMatrixTest.Access.SUPERVISION_SCOPED
                        || r.access() == AuthorizationMatrixTest.Access.API_SUPERVISION_SCOPED)
                .filter(r -> r.path().contains("/points") || r.path().endsWith("/credits"))
                .map(r -> r.method() + " " + r.path())
                .toList();
        assertThat(ENDPOINTS.stream().map(Endpoint::toString).toList()).containsExactlyInAnyOrderElementsOf(scoped);
    }

    private static char expected(Act act, Persona persona, Scope scope) {
        var row = EXPECTED.get(act)
                .lines()
                .filter(l -> l.startsWith(persona.name() + " "))
                .findFirst()
                .orElseThrow();
        return row.substring(persona.name().length())
                .strip()
                .split("\\s+")[scope.ordinal()]
                .charAt(0);
    }
}
