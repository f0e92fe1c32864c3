package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.connect.ServiceTokensForTests;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ServiceCaller;
import fr.guichet.statistics.Report.Line;
import fr.guichet.statistics.StatisticsQueries.Scope;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A connected service pushes its own counts, with its own token and the statistics scope; nobody else does. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceCountsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    StatisticsQueries queries;

    ServiceTokensForTests.Registered room;
    OrganizationId establishment;

    @BeforeAll
    void world() {
        room = ServiceTokensForTests.register(context, ServiceCaller.STATISTICS);
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
    }

    private MockHttpServletResponse push(String token, Object organization, String body) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/statistics", organization)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private List<Line> counts(String day) {
        var date = LocalDate.parse(day);
        return queries.report(
                        new Scope("test", List.of(establishment.value())),
                        new Period(Period.CUSTOM, date, date),
                        Locale.FRENCH)
                .serviceCounts();
    }

    @Test
    void aPushedDayIsShownWithItsWordsAndASecondPushReplacesIt() throws Exception {
        var token = room.token(mvc);
        var body = """
                {"date":"2026-11-03","counts":{"room.opened":3,"room.closed":1,"dce.withdrawn":12,
                 "bid.submitted":4,"procedure.mapa":2,"visio.held":5}}""";

        var first = push(token, establishment.value(), body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("\"saved\":6");
        var again = push(token, establishment.value(), body.replace("\"room.opened\":3", "\"room.opened\":4"));
        assertThat(again.getStatus()).isEqualTo(200);

        assertThat(counts("2026-11-03"))
                .extracting(Line::label, Line::amount)
                .containsExactlyInAnyOrder(
                        tuple("Dépôts de réponses", 4L),
                        tuple("Retraits de DCE", 12L),
                        tuple("Marchés par type de procédure : MAPA", 2L),
                        tuple("Fermetures de salle", 1L),
                        tuple("Ouvertures de salle", 4L),
                        tuple("visio.held", 5L));
    }

    @Test
    void anotherServicesCountsOfTheSameMetricAddUp() throws Exception {
        var other = ServiceTokensForTests.register(context, ServiceCaller.STATISTICS);
        push(room.token(mvc), establishment.value(), "{\"date\":\"2026-11-04\",\"counts\":{\"room.opened\":2}}");
        push(other.token(mvc), establishment.value(), "{\"date\":\"2026-11-04\",\"counts\":{\"room.opened\":5}}");

        assertThat(counts("2026-11-04")).extracting(Line::amount).containsExactly(7L);
    }

    @Test
    void whatCannotBeTakenIsRefusedWithAProblemInFrenchAndNothingIsSaved() throws Exception {
        var token = room.token(mvc);
        var refusals = List.of(
                "{\"date\":\"2026-11-05\",\"counts\":{\"Room Opened\":1}}",
                "{\"date\":\"2026-11-05\",\"counts\":{\"room.opened\":-1}}",
                "{\"date\":\"2026-11-05\",\"counts\":{\"room.opened\":1.5}}",
                "{\"date\":\"2026-11-05\",\"counts\":{\"room.opened\":\"3\"}}",
                "{\"date\":\"2026-11-05\",\"counts\":{\"room.opened\":1,\"" + "a".repeat(41) + "\":1}}",
                "{\"date\":\"05/11/2026\",\"counts\":{\"room.opened\":1}}",
                "{\"date\":\"2999-01-01\",\"counts\":{\"room.opened\":1}}",
                "{\"date\":\"2026-11-05\",\"counts\":{}}",
                "{\"date\":\"2026-11-05\"}",
                "{\"counts\":{\"room.opened\":1}}",
                "[1,2]",
                "{not json");
        for (var body : refusals) {
            var answer = push(token, establishment.value(), body);
            assertThat(answer.getStatus()).as(body).isEqualTo(400);
            assertThat(answer.getContentType()).as(body).isEqualTo("application/problem+json");
            assertThat(answer.getContentAsString()).as(body).doesNotContain("Exception");
        }
        var tooMany = new StringBuilder("{\"date\":\"2026-11-05\",\"counts\":{");
        for (var i = 0; i < 51; i++) {
            tooMany.append(i == 0 ? "" : ",").append("\"m.c").append(i).append("\":1");
        }
        var answer = push(token, establishment.value(), tooMany.append("}}").toString());
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).contains("50 comptes au plus");

        assertThat(counts("2026-11-05")).isEmpty();
    }

    @Test
    void anUnknownOrganisationIsNotFound() throws Exception {
        var answer = push(room.token(mvc), 999_999_999L, "{\"date\":\"2026-11-03\",\"counts\":{\"room.opened\":1}}");

        assertThat(answer.getStatus()).isEqualTo(404);
    }

    @Test
    void aPersonsTokenIsRefusedWhateverHisRights() throws Exception {
        var admin = People.uniqueEmail("agence.test");
        accounts.createVerified(admin, Civility.MONSIEUR, "Admin", "Alain", null, true, People.GOOD_PASSWORD);
        var token = Visitor.signedIn(mvc, admin).apiToken();

        var answer = push(token, establishment.value(), "{\"date\":\"2026-11-03\",\"counts\":{\"room.opened\":1}}");

        assertThat(answer.getStatus()).isEqualTo(403);
    }

    @Test
    void aServiceWithoutTheStatisticsScopeIsRefused() throws Exception {
        var credits = ServiceTokensForTests.register(context, ServiceCaller.CREDITS);

        var answer = push(
                credits.token(mvc), establishment.value(), "{\"date\":\"2026-11-03\",\"counts\":{\"room.opened\":1}}");

        assertThat(answer.getStatus()).isEqualTo(403);
    }

    @Test
    void aDisabledServicesTokenIsRefused() throws Exception {
        var disabled = ServiceTokensForTests.register(context, ServiceCaller.STATISTICS);
        var token = disabled.token(mvc);
        assertThat(push(token, establishment.value(), "{\"date\":\"2026-11-06\",\"counts\":{\"room.opened\":1}}")
                        .getStatus())
                .isEqualTo(200);

        disabled.disable();

        assertThat(push(token, establishment.value(), "{\"date\":\"2026-11-06\",\"counts\":{\"room.opened\":9}}")
                        .getStatus())
                .isEqualTo(401);
    }
}
