package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who reads an organisation's statistics: the right "view statistics" there or above, the agency's
 * staff; not another supervision right, not another establishment's supervisor, not after the
 * right is taken back. Anyone refused is told the page does not exist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    OrganizationId establishment;
    OrganizationId direction;
    OrganizationId other;
    String superAdminToken;
    String creditsOnly;
    String statistics;
    String otherSupervisor;
    String member;
    String agent;
    String domain;

    @BeforeAll
    void world() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + suffix, "U", Set.of(domain));
        direction = organizations.createSubOrganization(
                establishment,
                "LARGE",
                new OrganizationDetails("Direction " + suffix, null, null, null, null, null, null));
        var superAdmin = person(establishment, domain);
        delegation.nameFirstSuperAdmin(
                establishment, accounts.findByEmail(superAdmin).orElseThrow().id());
        superAdminToken = Visitor.signedIn(mvc, superAdmin).apiToken();
        creditsOnly = person(establishment, domain);
        statistics = person(establishment, domain);
        member = person(establishment, domain);
        grant(superAdminToken, establishment, creditsOnly, "VIEW_CREDITS");
        grant(superAdminToken, establishment, statistics, "VIEW_STATISTICS");

        var otherDomain = People.uniqueDomain();
        other = organizations.createEstablishment("Autre " + suffix, "A", Set.of(otherDomain));
        var otherAdmin = person(other, otherDomain);
        delegation.nameFirstSuperAdmin(
                other, accounts.findByEmail(otherAdmin).orElseThrow().id());
        otherSupervisor = person(other, otherDomain);
        grant(Visitor.signedIn(mvc, otherAdmin).apiToken(), other, otherSupervisor, "VIEW_STATISTICS");

        agent = People.uniqueEmail("agence.test");
        accounts.makeAgent(
                accounts.createVerified(agent, Civility.MADAME, "Agent", "Alice", null, false, People.GOOD_PASSWORD));
    }

    private String person(OrganizationId organization, String domain) {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Personne", "Léa", organization, false, People.GOOD_PASSWORD);
        return email;
    }

    private void grant(String token, OrganizationId organization, String email, String... rights) throws Exception {
        var id = accounts.findByEmail(email).orElseThrow().id().value();
        var answer = mvc.perform(put("/api/v1/organizations/{id}/supervision-rights", organization.value())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"" + id + "\": ["
                                + (rights.length == 0 ? "" : "\"" + String.join("\",\"", rights) + "\"") + "]}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(204);
    }

    private int status(String email, OrganizationId organization, String page) throws Exception {
        return Visitor.signedIn(mvc, email)
                .perform(get("/organisations/{id}/" + page, organization.value()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private boolean homeOffersStatistics(String email, OrganizationId organization) throws Exception {
        var html = Visitor.signedIn(mvc, email)
                .perform(get("/organisations/{id}", organization.value()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return !Jsoup.parse(html)
                .select("a[href=/organisations/" + organization.value() + "/statistiques]")
                .isEmpty();
    }

    @Test
    void theRightToViewStatisticsOpensTheOrganisationsAndItsSubOrganisationsPages() throws Exception {
        assertThat(status(statistics, establishment, "statistiques")).isEqualTo(200);
        assertThat(status(statistics, establishment, "statistiques.csv")).isEqualTo(200);
        assertThat(status(statistics, direction, "statistiques")).isEqualTo(200);
        assertThat(homeOffersStatistics(statistics, establishment)).isTrue();
    }

    @Test
    void anotherSupervisionRightOpensNothing() throws Exception {
        assertThat(status(creditsOnly, establishment, "statistiques")).isEqualTo(404);
        assertThat(status(creditsOnly, establishment, "statistiques.csv")).isEqualTo(404);
        assertThat(homeOffersStatistics(creditsOnly, establishment)).isFalse();
        assertThat(status(member, establishment, "statistiques")).isEqualTo(404);
    }

    @Test
    void anotherEstablishmentsSupervisorIsToldItDoesNotExist() throws Exception {
        assertThat(status(otherSupervisor, establishment, "statistiques")).isEqualTo(404);
        assertThat(status(otherSupervisor, other, "statistiques")).isEqualTo(200);
    }

    @Test
    void theAgencysStaffReadsEveryEstablishmentsAndTheAgencys() throws Exception {
        assertThat(status(agent, establishment, "statistiques")).isEqualTo(200);
        assertThat(status(agent, other, "statistiques.csv")).isEqualTo(200);
        var staff = Visitor.signedIn(mvc, agent);
        assertThat(staff.perform(get("/agence/statistiques"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(Visitor.signedIn(mvc, statistics)
                        .perform(get("/agence/statistiques"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a supervisor is not the agency")
                .isEqualTo(403);
    }

    @Test
    void takingTheRightBackEndsTheAccess() throws Exception {
        var revoked = person(establishment, domain);
        grant(superAdminToken, establishment, revoked, "VIEW_STATISTICS");
        assertThat(status(revoked, establishment, "statistiques")).isEqualTo(200);

        grant(superAdminToken, establishment, revoked);

        assertThat(status(revoked, establishment, "statistiques")).isEqualTo(404);
        assertThat(status(revoked, direction, "statistiques")).isEqualTo(404);
    }
}
