package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import fr.guichet.access.AccessRequestFacts;
import fr.guichet.access.AccessRequestId;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.statistics.Report.Line;
import fr.guichet.statistics.StatisticsQueries.Scope;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The counts follow what happens, for an establishment of its own: tickets filed, answered, closed;
 * access requests asked, granted, refused; sign-ins. Its page and CSV say the same numbers, its
 * sub-organisation's page only its own part, and the recount of the same tickets and requests gives
 * the same numbers as the live counting.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsCountingTest {

    static final String HOSTILE = "=HYPERLINK(\"http://evil.example\";\"clic\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    StatisticsQueries queries;

    @Autowired
    TicketCounting ticketCounting;

    @Autowired
    AccessCounting accessCounting;

    @Autowired
    TicketFacts ticketFacts;

    @Autowired
    AccessRequestFacts accessFacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    OrganizationId establishment;
    OrganizationId service;
    String correspondentEmail;
    String subMemberEmail;
    String superAdminEmail;
    AccountId agent;
    AccountId correspondent;
    ProductId product;
    List<TicketId> tickets;
    List<Long> requests;

    @BeforeAll
    void world() throws Exception {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        establishment = organizations.createEstablishment(HOSTILE + " " + suffix, "S" + suffix, Set.of(domain));
        service = organizations.createSubOrganization(
                establishment,
                "LARGE",
                new OrganizationDetails("Service " + suffix, null, null, null, null, null, null));
        correspondentEmail = People.uniqueEmail(domain);
        correspondent = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Dupont", "Anne", establishment, false, People.GOOD_PASSWORD);
        subMemberEmail = People.uniqueEmail(domain);
        accounts.createVerified(
                subMemberEmail, Civility.MONSIEUR, "Martin", "Paul", service, false, People.GOOD_PASSWORD);
        superAdminEmail = People.uniqueEmail(domain);
        var superAdmin = accounts.createVerified(
                superAdminEmail, Civility.MADAME, "Chef", "Chloé", establishment, false, People.GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"),
                Civility.MADAME,
                "Agent",
                "Alice",
                null,
                false,
                People.GOOD_PASSWORD);
        accounts.makeAgent(agent);

        // two tickets: one answered and closed, one still in progress
        product = setup.defineProduct("ST-" + suffix, HOSTILE, null);
        var version = setup.defineVersion(product, "2026.1", true);
        setup.validateInstalledVersion(establishment, product, version, null);
        setup.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        var team = setup.defineTeam("Équipe " + suffix, List.of(agent));
        var driver = TicketDriver.of(context);
        var category = driver.category("Compta " + suffix, product, false, team);
        var solved = driver.file(correspondent, establishment, category, "Paie", "", "", "Bulletin faux", "Le net.");
        driver.solveAndValidate(agent, correspondent, solved, "Relancer le calcul.");
        var open = driver.file(correspondent, establishment, category, "Paie", "", "", "Export", "Il manque.");
        tickets = List.of(solved, open);

        // three access requests: an open service (granted at once), one accepted, one refused by the super admin
        var token = Visitor.signedIn(mvc, correspondentEmail).apiToken();
        var adminToken = Visitor.signedIn(mvc, superAdminEmail).apiToken();
        var open1 = defineService("O" + suffix, DecidedBy.NOBODY);
        var decided1 = defineService("A" + suffix, DecidedBy.SUPER_ADMINS);
        var decided2 = defineService("R" + suffix, DecidedBy.SUPER_ADMINS);
        requests = List.of(ask(token, open1), ask(token, decided1), ask(token, decided2));
        decide(adminToken, requests.get(1), true);
        decide(adminToken, requests.get(2), false);

        // sign-ins: the correspondent again (still one active person), the sub-organisation's member once
        Visitor.signedIn(mvc, correspondentEmail);
        Visitor.signedIn(mvc, subMemberEmail);
    }

    private ServiceId defineService(String code, DecidedBy decidedBy) {
        return catalogue.define(new ServiceDefinition(
                code, "Service " + code, "Un service.", InterestDomain.PURCHASING, decidedBy, true));
    }

    private long ask(String token, ServiceId service) throws Exception {
        var answer = mvc.perform(post("/api/v1/access-requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\": " + service.value() + "}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(answer.getContentAsString(), "$.request.id")).longValue();
    }

    private void decide(String token, long request, boolean accept) throws Exception {
        var answer = mvc.perform(post("/api/v1/access-requests/{id}/decision", request)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accept\": " + accept + ", \"comment\": \"Vu.\"}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isLessThan(300);
    }

    private Period today() {
        var today = LocalDate.now(clock);
        return new Period(Period.CUSTOM, today.minusDays(1), today.plusDays(1));
    }

    private Report report(OrganizationId organization) {
        var subtree = organizations.subtree(organization).stream()
                .map(o -> o.id().value())
                .toList();
        return queries.report(new Scope("test", subtree), today(), Locale.FRENCH);
    }

    private Report settled() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var report = report(establishment);
            assertThat(report.tickets().filed()).isEqualTo(2);
            assertThat(report.replies().resolutions()).isEqualTo(1);
            assertThat(report.access().refused()).isEqualTo(1);
            assertThat(report.people().active()).isEqualTo(3);
        });
        return report(establishment);
    }

    @Test
    void theEventsLeaveTheCountsOfWhatHappened() {
        var report = settled();

        assertThat(report.access()).isEqualTo(new Report.Access(3, 2, 1, 1));
        assertThat(report.tickets().byStatus())
                .extracting(Line::label, Line::amount)
                .containsExactlyInAnyOrder(
                        tuple("ECT – en cours de traitement par l’assistance", 1L), tuple("TER – terminée", 1L));
        assertThat(report.tickets().byNature())
                .extracting(Line::label, Line::amount)
                .containsExactly(tuple("Fonctionnelle", 2L));
        assertThat(report.tickets().byPriority())
                .extracting(Line::label, Line::amount)
                .containsExactly(tuple("Non bloquant", 2L));
        assertThat(report.tickets().byProduct())
                .extracting(Line::label, Line::amount)
                .containsExactly(tuple(HOSTILE, 2L));
        assertThat(report.replies().firstReplies()).isEqualTo(1);
        assertThat(report.replies().firstRepliesInTimePercent())
                .as("answered the day it was filed: within 5 business days")
                .isEqualTo(100);
        assertThat(report.replies().averageFirstReplyDays()).isEqualTo(0.0);
        // the correspondent signed in twice, the super admin and the sub-organisation's member once each
        assertThat(report.people().signIns()).isEqualTo(4);
        assertThat(report.people().active()).isEqualTo(3);
    }

    @Test
    void aSubOrganisationsPageCountsOnlyItsSubtree() {
        settled();

        var part = report(service);

        assertThat(part.people().signIns()).isEqualTo(1);
        assertThat(part.people().active()).isEqualTo(1);
        assertThat(part.tickets().filed())
                .as("tickets belong to the establishment")
                .isZero();
        assertThat(part.access().requested()).isZero();
    }

    @Test
    void aSecondLookAtTheSameTicketOrRequestCountsNothingTwice() {
        var before = settled();

        tickets.forEach(ticketCounting::follow);
        requests.forEach(r -> accessCounting.follow(new AccessRequestId(r)));

        var after = report(establishment);
        assertThat(after.tickets()).isEqualTo(before.tickets());
        assertThat(after.access()).isEqualTo(before.access());
        assertThat(after.replies()).isEqualTo(before.replies());
    }

    @Test
    void theRecountGivesTheNumbersTheLiveCountingGave() {
        var live = settled();

        // as if the module had come after these tickets and requests
        jdbc.sql("delete from stat_count where organization_id = ? and metric <> ?")
                .params(establishment.value(), Metrics.SIGN_INS)
                .update();
        tickets.forEach(t -> jdbc.sql("delete from stat_ticket where ticket_id = ?")
                .param(t.value())
                .update());
        requests.forEach(r -> jdbc.sql("delete from stat_access where request_id = ?")
                .param(r)
                .update());
        assertThat(report(establishment).tickets().filed()).isZero();

        ticketCounting.recount(
                tickets.stream().map(t -> ticketFacts.find(t).orElseThrow()).toList());
        accessCounting.recount(requests.stream()
                .map(r -> accessFacts.find(new AccessRequestId(r)).orElseThrow())
                .toList());

        var recounted = report(establishment);
        assertThat(recounted.tickets()).isEqualTo(live.tickets());
        assertThat(recounted.access()).isEqualTo(live.access());
        assertThat(recounted.replies()).isEqualTo(live.replies());
        assertThat(recounted.people()).isEqualTo(live.people());
    }

    @Test
    void thePageShowsEachChartWithATableOfTheSameNumbers() throws Exception {
        settled();
        var staff = Visitor.signedIn(mvc, agentEmail());
        var today = LocalDate.now(clock);

        var html = staff.perform(get("/organisations/{id}/statistiques", establishment.value())
                        .param("periode", "custom")
                        .param("du", today.minusDays(1).toString())
                        .param("au", today.plusDays(1).toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = Jsoup.parse(html);

        var status = page.selectFirst("[data-testid=chart-status]");
        assertThat(status.selectFirst("svg[role=img] title").text()).isEqualTo("Demandes par statut");
        assertThat(status.select("[data-testid=chart-status-table] tbody tr"))
                .extracting(tr -> tr.selectFirst("th").text() + " = "
                        + tr.selectFirst("td").text())
                .containsExactly("ECT – en cours de traitement par l’assistance = 1", "TER – terminée = 1");
        assertThat(status.select("svg text")).extracting(e -> e.text()).contains("1");
        assertThat(page.select("[data-testid=chart-product-table] tbody th").text())
                .isEqualTo(HOSTILE);
        assertThat(page.select("[data-testid=chart-access-table] tbody td"))
                .extracting(e -> e.text())
                .containsExactly("3", "2", "1", "1");
        assertThat(page.selectFirst("[data-testid=in-time]").text()).isEqualTo("100 %");
        assertThat(page.selectFirst("[data-testid=active]").text()).isEqualTo("3");
        assertThat(page.select("table caption")).allMatch(c -> !c.text().isBlank());
    }

    @Test
    void theCsvSaysTheSameNumbersAndAHostileNameStaysInert() throws Exception {
        settled();
        var staff = Visitor.signedIn(mvc, agentEmail());
        var today = LocalDate.now(clock);

        var response = staff.perform(get("/organisations/{id}/statistiques.csv", establishment.value())
                        .param("periode", "custom")
                        .param("du", today.minusDays(1).toString())
                        .param("au", today.plusDays(1).toString()))
                .andReturn()
                .getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        var bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("Demandes d’assistance;Demandes déposées;2\r\n");
        assertThat(csv).contains("Demandes par statut;TER – terminée;1\r\n");
        // the organisation's and the product's names start with "=": a leading quote makes them text
        assertThat(csv).contains("Statistiques;\"'" + HOSTILE.replace("\"", "\"\""));
        assertThat(csv).contains("Demandes par logiciel;\"'" + HOSTILE.replace("\"", "\"\"") + "\";2");
        assertThat(csv.lines()).noneMatch(l -> l.contains(";=") || l.startsWith("="));
    }

    private String agentEmail() {
        return accounts.find(agent).orElseThrow().email();
    }
}
