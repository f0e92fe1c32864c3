package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may manage an organisation's branding, on every endpoint: MANAGE_BRANDING there or above,
 * the super admin, a platform admin. Another supervisor or an admin of it is refused (403); a
 * member, or a manager of another establishment's branding, is told it does not exist (404); a
 * revoked grant closes the pages on the next request.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrandingAccessTest {

    static final List<String> ENDPOINTS = List.of(
            "GET /organisations/{id}/gestion-graphique",
            "POST /organisations/{id}/gestion-graphique",
            "GET /organisations/{id}/gestion-graphique/apercu",
            "GET /organisations/{id}/gestion-graphique/apercu/bandeau",
            "GET /organisations/{id}/gestion-graphique/apercu/logo",
            "POST /organisations/{id}/gestion-graphique/validation",
            "POST /organisations/{id}/gestion-graphique/annulation",
            "GET /organisations/{id}/gestion-graphique/reinitialisation",
            "POST /organisations/{id}/gestion-graphique/reinitialisation");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    BrandingWorld world;
    BrandingWorld elsewhere;
    OrganizationId town;
    OrganizationId service;
    AccountId manager;
    AccountId creditsSupervisor;
    AccountId statisticsSupervisor;
    AccountId admin;
    AccountId member;
    AccountId otherManager;

    @BeforeAll
    void twoTownsAndTheirPeople() throws Exception {
        world = new BrandingWorld(mvc, accounts, organizations, delegation);
        town = world.establishment;
        service = world.sub(town, "Service");
        manager = world.person(town);
        creditsSupervisor = world.person(town);
        statisticsSupervisor = world.person(town);
        admin = world.person(town);
        member = world.person(town);
        world.supervision(
                town,
                Map.of(
                        manager, Set.of("MANAGE_BRANDING"),
                        creditsSupervisor, Set.of("VIEW_CREDITS"),
                        statisticsSupervisor, Set.of("VIEW_STATISTICS")));
        world.admin(town, Map.of(admin, Set.of("CREATE_USERS", "CREATE_ADMINS")));
        elsewhere = new BrandingWorld(mvc, accounts, organizations, delegation);
        otherManager = elsewhere.person(elsewhere.establishment);
        elsewhere.supervision(elsewhere.establishment, Map.of(otherManager, Set.of("MANAGE_BRANDING")));
    }

    @Test
    void managersOpenEveryEndpointHereAndBelow() throws Exception {
        for (var who : List.of(manager, world.superAdmin)) {
            var visitor = world.signedIn(who);
            for (var organization : List.of(town, service)) {
                var status = status(visitor, "GET /organisations/{id}/gestion-graphique", organization);
                assertThat(status).isEqualTo(200);
            }
        }
    }

    @Test
    void anotherSupervisorOrAnAdminIsRefusedAndAnybodyElseFindsNothing() throws Exception {
        expect(creditsSupervisor, 403);
        expect(statisticsSupervisor, 403);
        expect(admin, 403);
        expect(member, 404);
        expect(otherManager, 404);
    }

    @Test
    void theHomePageShowsTheEntryOnlyToManagers() throws Exception {
        assertThat(entry(manager)).isTrue();
        assertThat(entry(world.superAdmin)).isTrue();
        assertThat(entry(creditsSupervisor)).isFalse();
        assertThat(entry(admin)).isFalse();
    }

    @Test
    void aRevokedGrantIsRefusedOnTheNextRequest() throws Exception {
        var revoked = world.person(town);
        world.supervision(town, Map.of(revoked, Set.of("MANAGE_BRANDING"), manager, Set.of("MANAGE_BRANDING")));
        var visitor = world.signedIn(revoked);
        assertThat(status(visitor, "GET /organisations/{id}/gestion-graphique", town))
                .isEqualTo(200);

        world.supervision(town, Map.of(revoked, Set.of(), manager, Set.of("MANAGE_BRANDING")));

        // the same session, signed in before: refused all the same
        assertThat(status(visitor, "GET /organisations/{id}/gestion-graphique", town))
                .isIn(403, 404);
        assertThat(status(visitor, "POST /organisations/{id}/gestion-graphique/validation", town))
                .isIn(403, 404);
    }

    private void expect(AccountId person, int expected) throws Exception {
        var visitor = world.signedIn(person);
        for (var endpoint : ENDPOINTS) {
            for (var organization : List.of(town, service)) {
                assertThat(status(visitor, endpoint, organization))
                        .as("%s on %s", endpoint, organization)
                        .isEqualTo(expected);
            }
        }
    }

    private boolean entry(AccountId person) throws Exception {
        var page = world.signedIn(person)
                .perform(request(HttpMethod.GET, "/organisations/{id}", town.value()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return !Jsoup.parse(page)
                .select("a[href=/organisations/" + town.value() + "/gestion-graphique]")
                .isEmpty();
    }

    private static int status(Visitor visitor, String endpoint, OrganizationId organization) throws Exception {
        var parts = endpoint.split(" ");
        var request = request(HttpMethod.valueOf(parts[0]), parts[1], organization.value());
        if (parts[0].equals("POST")) {
            request.with(csrf());
        }
        return visitor.perform(request).andReturn().getResponse().getStatus();
    }
}
