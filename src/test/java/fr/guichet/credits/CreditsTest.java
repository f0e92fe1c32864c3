package fr.guichet.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.ServiceTokens;
import fr.guichet.support.TestSmtp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The ledger as its users meet it: a connected service posts what was consumed, once per movement
 * of its own; supervisors read the balance at J-1, the statement, its CSV, and receive it by e-mail
 * until their right ends; agents credit and correct.
 */
@IntegrationTest
class CreditsTest {

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
    ServiceCatalogue catalogue;

    @Autowired
    Ledger ledger;

    @Autowired
    StatementMails statementMails;

    @Autowired
    JdbcClient jdbc;

    CreditsWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new CreditsWorld(mvc, accounts).build(organizations, delegation);
    }

    private MockHttpServletResponse postMovement(String token, long organization, String json) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/credits", organization)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
    }

    private static String movement(String id, String direction, String amount, String kind, LocalDate day) {
        return "{\"id\":\"" + id + "\",\"direction\":\"" + direction + "\",\"amount\":" + amount
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + ",\"date\":\"" + day + "\"}";
    }

    private LocalDate inLastMonth() {
        return YearMonth.from(ledger.today()).minusMonths(1).atDay(10);
    }

    @Test
    void aServicePostsEachMovementOnceAndTheStatementAddsThemUp() throws Exception {
        var room = ServiceTokens.register(mvc, accounts, catalogue, "credits");
        var token = room.token("credits");
        var e = world.e.value();
        var day = inLastMonth();

        var first = postMovement(token, e, movement("room-1", "CREDIT", "10", null, day));
        assertThat(first.getStatus()).isEqualTo(201);
        var debit = postMovement(token, e, movement("room-2", "DEBIT", "3", "MAPA", day));
        assertThat(debit.getStatus()).isEqualTo(201);
        // a retry of the same movement is the same movement
        var retry = postMovement(token, e, movement("room-2", "DEBIT", "3", "MAPA", day));
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getContentAsString()).isEqualTo(debit.getContentAsString());
        // another movement under a used id is refused, and nothing is recorded
        var clash = postMovement(token, e, movement("room-2", "DEBIT", "5", "MAPA", day));
        assertThat(clash.getStatus()).isEqualTo(409);
        assertThat(clash.getContentAsString()).contains("Un autre mouvement porte déjà cet identifiant");
        // nor is the same movement for another organisation: its consumption would be lost
        assertThat(postMovement(token, world.o.value(), movement("room-2", "DEBIT", "3", "MAPA", day))
                        .getStatus())
                .isEqualTo(409);

        var statement = world.visitor(world.superAdmin)
                .perform(get("/organisations/{id}/points", e).param("periode", "LAST_MONTH"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = Jsoup.parse(statement);
        assertThat(page.selectFirst("[data-testid=acquired]").text()).endsWith("10");
        assertThat(page.selectFirst("[data-testid=consumed]").text()).endsWith("3");
        assertThat(page.selectFirst("[data-testid=kind-MAPA]").text()).isEqualTo("Mapa 3");
        assertThat(page.selectFirst("[data-testid=kind-FORMAL_PROCEDURE]").text())
                .isEqualTo("Procédures formalisées 0");
        assertThat(page.selectFirst("[data-testid=opening]").text()).endsWith(": 0");
        assertThat(page.selectFirst("[data-testid=closing]").text()).endsWith("7");
        assertThat(page.selectFirst("[data-testid=movements]").text()).contains("Débit 3 Mapa");
        assertThat(page.text()).contains("Votre adresse e-mail : " + world.superAdmin);
    }

    @Test
    void aBadMovementIsRefusedWithItsReasonAndNothingIsRecorded() throws Exception {
        var token = ServiceTokens.register(mvc, accounts, catalogue, "credits").token("credits");
        var e = world.e.value();
        var day = inLastMonth();
        Map.of(
                        movement("bad-1", "DEBIT", "1.5", "MAPA", day),
                        "entier positif",
                        movement("bad-2", "DEBIT", "-4", "MAPA", day),
                        "entier positif",
                        movement("bad-3", "DEBIT", "2", "NO_SUCH_KIND", day),
                        "nature de consommation connue",
                        movement("bad-4", "DEBIT", "2", null, day),
                        "nature de consommation connue",
                        movement("bad-5", "CREDIT", "2", "MAPA", day),
                        "Un crédit n’a pas de nature",
                        movement("bad-6", "DEBIT", "2", "MAPA", ledger.today().plusDays(1)),
                        "futur",
                        "{\"direction\":\"DEBIT\",\"amount\":2}",
                        "identifiant")
                .forEach((json, reason) -> {
                    try {
                        var answer = postMovement(token, e, json);
                        assertThat(answer.getStatus()).as(json).isEqualTo(400);
                        assertThat(answer.getContentAsString()).as(json).contains(reason);
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                });
        assertThat(postMovement(token, e, "{\"id\":\"x\",\"direction\":\"SIDEWAYS\",\"amount\":1}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(postMovement(token, Long.MAX_VALUE, movement("bad-7", "CREDIT", "1", null, day))
                        .getStatus())
                .isEqualTo(404);
        var organization = organizations.find(world.e).orElseThrow();
        assertThat(ledger.balanceAt(organization, ledger.today())).isZero();
    }

    @Test
    void onlyAnEnabledServiceWithTheCreditsScopePosts() throws Exception {
        var e = world.e.value();
        var day = inLastMonth();
        var counting = ServiceTokens.register(mvc, accounts, catalogue, "statistics");
        assertThat(postMovement(counting.token("statistics"), e, movement("s-1", "CREDIT", "1", null, day))
                        .getStatus())
                .isEqualTo(403);
        var personal = world.visitor(world.platformAdmin).apiToken();
        assertThat(postMovement(personal, e, movement("p-1", "CREDIT", "1", null, day))
                        .getStatus())
                .isEqualTo(403);
        var room = ServiceTokens.register(mvc, accounts, catalogue, "credits");
        var token = room.token("credits");
        room.disable();
        assertThat(postMovement(token, e, movement("d-1", "CREDIT", "1", null, day))
                        .getStatus())
                .isEqualTo(401);
        assertThat(postMovement("not.a.token", e, movement("d-2", "CREDIT", "1", null, day))
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void aCorrectionIsACounterMovementAndHappensOnce() throws Exception {
        var room = ServiceTokens.register(mvc, accounts, catalogue, "credits");
        var token = room.token("credits");
        var a = world.a.value();
        var day = inLastMonth();
        postMovement(token, a, movement("c-1", "DEBIT", "4", "NOTICE_TENDER_FILE", day));
        // the service corrects its own movement by naming it
        var counter = postMovement(
                token,
                a,
                "{\"id\":\"c-2\",\"direction\":\"CREDIT\",\"amount\":4,\"corrects\":\"c-1\",\"date\":\"" + day + "\"}");
        assertThat(counter.getStatus()).isEqualTo(201);
        assertThat(counter.getContentAsString()).contains("\"kind\":\"NOTICE_TENDER_FILE\"");
        var again = postMovement(
                token,
                a,
                "{\"id\":\"c-3\",\"direction\":\"CREDIT\",\"amount\":4,\"corrects\":\"c-1\",\"date\":\"" + day + "\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        var organization = organizations.find(world.a).orElseThrow();
        var lastMonth = StatementPeriod.Choice.LAST_MONTH.endingBefore(ledger.today());
        var statement = ledger.statement(organization, lastMonth, Locale.FRENCH);
        assertThat(statement.consumedTotal()).isZero();
        assertThat(statement.movements()).hasSize(2);

        // an agent corrects a movement from the page, with a reason
        postMovement(token, a, movement("c-4", "DEBIT", "2", "MAPA", day));
        var debit = ledger.find("service:" + room.clientId, "c-4").orElseThrow();
        var agent = world.visitor(world.agent);
        var without = agent.perform(post("/organisations/{id}/points/mouvements/{m}/correction", a, debit.id())
                        .with(csrf()))
                .andReturn();
        assertThat(without.getFlashMap().get("refusal")).isEqualTo("credits.error.reason-required");
        var corrected = agent.perform(post("/organisations/{id}/points/mouvements/{m}/correction", a, debit.id())
                        .with(csrf())
                        .param("motif", "Consultation annulée"))
                .andReturn();
        assertThat(corrected.getFlashMap().get("saved")).isEqualTo("credits.corrected");
        var twice = agent.perform(post("/organisations/{id}/points/mouvements/{m}/correction", a, debit.id())
                        .with(csrf())
                        .param("motif", "Encore"))
                .andReturn();
        assertThat(twice.getFlashMap().get("refusal")).isEqualTo("credits.error.already-corrected");
        // the counter-movement is today's; the consumption it undoes stays in last month's statement
        assertThat(ledger.balanceAt(organization, ledger.today())).isZero();
        // a supervisor reads, he does not correct
        var supervisor = world.visitor(world.creditsSupervisor)
                .perform(post("/organisations/{id}/points/mouvements/{m}/correction", a, debit.id())
                        .with(csrf())
                        .param("motif", "Non"))
                .andReturn()
                .getResponse();
        assertThat(supervisor.getStatus()).isEqualTo(403);
    }

    @Test
    void anAgentCreditsAnOrganisationAndItIsAudited() throws Exception {
        var agent = world.visitor(world.agent);
        var refused = agent.perform(post("/organisations/{id}/points/credit", world.e.value())
                        .with(csrf())
                        .param("montant", "2.5")
                        .param("motif", "Achat"))
                .andReturn();
        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("credits.error.amount");
        var credited = agent.perform(post("/organisations/{id}/points/credit", world.e.value())
                        .with(csrf())
                        .param("montant", "50")
                        .param("date", ledger.today().minusDays(2).toString())
                        .param("motif", "Achat de 50 points"))
                .andReturn();
        assertThat(credited.getFlashMap().get("saved")).isEqualTo("credits.credited");
        var home = Jsoup.parse(world.visitor(world.superAdmin)
                .perform(get("/organisations/{id}", world.e.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(home.selectFirst("[data-testid=credits-balance]").text()).contains("50 points");
        // a member of the establishment without the right is not an agent
        var member = world.visitor(world.superAdmin)
                .perform(post("/organisations/{id}/points/credit", world.e.value())
                        .with(csrf())
                        .param("montant", "5")
                        .param("motif", "Moi-même"))
                .andReturn()
                .getResponse();
        assertThat(member.getStatus()).isEqualTo(403);
        var journal = world.visitor(world.superAdmin)
                .perform(get("/organisations/{id}/journal", world.e.value()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(journal).contains("crédit de points par l’Agence").doesNotContain("??");
    }

    @Test
    void theHomePageShowsTheBalanceAtYesterdaysEndToThoseWhoMayReadIt() throws Exception {
        var token = ServiceTokens.register(mvc, accounts, catalogue, "credits").token("credits");
        var e = world.e.value();
        postMovement(
                token, e, movement("h-1", "DEBIT", "1", "MAPA", ledger.today().minusDays(1)));
        // today's consumption is tomorrow's news
        postMovement(token, e, movement("h-2", "DEBIT", "5", "MAPA", ledger.today()));
        var supervisorHome = Jsoup.parse(world.visitor(world.creditsSupervisor)
                .perform(get("/organisations/{id}", world.a.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var balance = supervisorHome.selectFirst("[data-testid=credits-balance]");
        assertThat(balance.text())
                .contains("Solde (au "
                        + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                                .format(ledger.today().minusDays(1)))
                .contains("-1 points")
                // A draws on its establishment's balance: the tree shares one by default
                .contains("puise dans le solde de « Ville " + world.suffix + " »");
        assertThat(supervisorHome.select("a[href$=/points]")).isNotEmpty();
        // a supervisor of statistics only sees neither the balance nor the entry
        var statisticsHome = Jsoup.parse(world.visitor(world.statisticsSupervisor)
                .perform(get("/organisations/{id}", world.a.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(statisticsHome.selectFirst("[data-testid=credits-balance]")).isNull();
        assertThat(statisticsHome.select("a[href$=/points]")).isEmpty();
    }

    @Test
    void aTreeDrawsOnOneBalanceOrEachOrganisationKeepsItsOwn() throws Exception {
        var token = ServiceTokens.register(mvc, accounts, catalogue, "credits").token("credits");
        var day = inLastMonth();
        postMovement(token, world.e.value(), movement("t-1", "CREDIT", "100", null, day));
        postMovement(token, world.a1.value(), movement("t-2", "DEBIT", "30", "MAPA", day));
        var a1 = organizations.find(world.a1).orElseThrow();
        var e = organizations.find(world.e).orElseThrow();
        assertThat(ledger.balanceAt(a1, ledger.today())).isEqualTo(70);
        assertThat(ledger.balanceAt(e, ledger.today())).isEqualTo(70);

        // only those who may choose are offered the choice
        var supervisorPage = Jsoup.parse(world.visitor(world.creditsSupervisor)
                .perform(get("/organisations/{id}/points", world.a1.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(supervisorPage.selectFirst("input[name=soldes]")).isNull();
        assertThat(supervisorPage.selectFirst("[data-testid=tree-mode]").text()).contains("puisent dans son solde");
        var notHis = world.visitor(world.creditsSupervisor)
                .perform(post("/organisations/{id}/points/arbre", world.a1.value())
                        .with(csrf())
                        .param("soldes", "SEPARATE"))
                .andReturn()
                .getResponse();
        assertThat(notHis.getStatus()).isEqualTo(403);

        var chosen = world.visitor(world.superAdmin)
                .perform(post("/organisations/{id}/points/arbre", world.a1.value())
                        .with(csrf())
                        .param("soldes", "SEPARATE"))
                .andReturn();
        assertThat(chosen.getFlashMap().get("saved")).isEqualTo("credits.tree.saved");
        assertThat(ledger.balanceAt(a1, ledger.today())).isEqualTo(-30);
        assertThat(ledger.balanceAt(e, ledger.today())).isEqualTo(100);
    }

    @Test
    void theCsvIsTheStatementAndNoCellOfItRuns() throws Exception {
        organizations.change(
                world.a,
                new OrganizationDetails(
                        "=HYPERLINK(\"http://x\") " + world.suffix, null, null, null, null, null, null));
        var token = ServiceTokens.register(mvc, accounts, catalogue, "credits").token("credits");
        var four = YearMonth.from(ledger.today()).minusMonths(4).atDay(1);
        postMovement(token, world.e.value(), movement("x-0", "CREDIT", "9", null, four));
        var tree = world.visitor(world.superAdmin)
                .perform(post("/organisations/{id}/points/arbre", world.a.value())
                        .with(csrf())
                        .param("soldes", "SEPARATE"))
                .andReturn();
        assertThat(tree.getFlashMap().get("saved")).isNotNull();
        postMovement(token, world.a.value(), movement("x-1", "DEBIT", "2", "FORMAL_PROCEDURE", inLastMonth()));
        var csv = world.visitor(world.creditsSupervisor)
                .perform(get("/organisations/{id}/points.csv", world.a.value()))
                .andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
        var text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFF")
                .contains("Collectivité;\"'=HYPERLINK(")
                .contains("Points consommés;2;")
                .contains("Procédures formalisées;2;")
                .doesNotContain(";=");
    }

    @Test
    void statementsAreSentOncePerPeriodCaughtUpAndStopWithTheRight() throws Exception {
        var supervisor = world.visitor(world.creditsSupervisor);
        var chosen = supervisor
                .perform(post("/organisations/{id}/points/releve", world.a.value())
                        .with(csrf())
                        .param("frequence", "MONTHLY"))
                .andReturn();
        assertThat(chosen.getFlashMap().get("saved")).isEqualTo("credits.statement-mail.saved");
        var nextMonth = YearMonth.from(ledger.today()).plusMonths(1).atDay(1);

        statementMails.sendDue(ledger.today());
        assertThat(sentToTheSupervisor()).as("nothing is over yet").isZero();
        statementMails.sendDue(nextMonth);
        assertThat(sentToTheSupervisor()).isEqualTo(1);
        // a second node, a restart, the next hour: nothing twice
        statementMails.sendDue(nextMonth);
        assertThat(sentToTheSupervisor()).isEqualTo(1);
        var mail = Mails.awaitFirst(greenMail, world.creditsSupervisor);
        assertThat(mail.getSubject()).isEqualTo("Guichet : votre relevé de points");
        assertThat(Mails.body(mail))
                .contains("Service A " + world.suffix)
                .contains("Points consommés : 0")
                .contains("/organisations/" + world.a.value() + "/points");

        // the portal was down for three months: the months missed are sent, each once
        statementMails.sendDue(nextMonth.plusMonths(3));
        statementMails.sendDue(nextMonth.plusMonths(3));
        assertThat(sentToTheSupervisor()).isEqualTo(4);

        // the right taken back, the statement stops, and the choice is forgotten
        world.grant("supervision-rights", Map.of(world.creditsSupervisor, Set.of()));
        // as the job runs, outside any request (the test's own holds rights read before the change)
        RequestContextHolder.resetRequestAttributes();
        statementMails.sendDue(nextMonth.plusMonths(4));
        assertThat(sentToTheSupervisor()).isEqualTo(4);
        assertThat(statementMails.frequency(world.a, world.creditsSupervisorId)).isEmpty();
    }

    private long sentToTheSupervisor() {
        return jdbc.sql(
                        "select count(*) from credit_statement_sent where organization_id = :a and account_id = :person")
                .param("a", world.a.value())
                .param("person", world.creditsSupervisorId.value())
                .query(Long.class)
                .single();
    }

    @Test
    void anAgentCorrectsASubOrganisationsMovementFromTheTreesStatementAndTheCsvHoldsEveryMovement() throws Exception {
        var origin = "service:bulk-" + world.suffix;
        var day = inLastMonth();
        for (var i = 0; i < Statement.MOVEMENTS_SHOWN + 5; i++) {
            ledger.post(world.a1, new NewMovement("m-" + i, Direction.DEBIT, 1, "MAPA", day, null, null), origin);
        }
        var statementPage = Jsoup.parse(world.visitor(world.agent)
                .perform(get("/organisations/{id}/points", world.e.value()).param("periode", "LAST_MONTH"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(statementPage.selectFirst("[data-testid=consumed]").text())
                .endsWith(String.valueOf(Statement.MOVEMENTS_SHOWN + 5));
        assertThat(statementPage.select("[data-testid=movements] tbody tr")).hasSize(Statement.MOVEMENTS_SHOWN);
        // the agents reach the statement from their list, not from a home page that is not theirs
        assertThat(statementPage.select("a[href=/agence/points]")).isNotEmpty();
        var csv = new String(
                world.visitor(world.agent)
                        .perform(get("/organisations/{id}/points.csv", world.e.value())
                                .param("periode", "LAST_MONTH"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(";Débit;1;Mapa;bulk-" + world.suffix)))
                .as(csv.substring(0, Math.min(900, csv.length())))
                .hasSize(Statement.MOVEMENTS_SHOWN + 5);

        // on the tree's one balance, a sub-organisation's movement is corrected from the establishment's statement
        var movement = ledger.find(origin, "m-0").orElseThrow();
        var corrected = world.visitor(world.agent)
                .perform(post("/organisations/{id}/points/mouvements/{m}/correction", world.e.value(), movement.id())
                        .with(csrf())
                        .param("motif", "x".repeat(301)))
                .andReturn();
        assertThat(corrected.getFlashMap().get("refusal")).isEqualTo("credits.error.reason");
        corrected = world.visitor(world.agent)
                .perform(post("/organisations/{id}/points/mouvements/{m}/correction", world.e.value(), movement.id())
                        .with(csrf())
                        .param("motif", "Saisie en double"))
                .andReturn();
        assertThat(corrected.getFlashMap().get("saved")).isEqualTo("credits.corrected");
        var a1 = organizations.find(world.a1).orElseThrow();
        assertThat(ledger.balanceAt(a1, ledger.today())).isEqualTo(-(Statement.MOVEMENTS_SHOWN + 4));
        // another organisation's statement does not reach it
        var elsewhere = world.visitor(world.agent)
                .perform(post("/organisations/{id}/points/mouvements/{m}/correction", world.o.value(), movement.id())
                        .with(csrf())
                        .param("motif", "Ailleurs"))
                .andReturn();
        assertThat(elsewhere.getFlashMap().get("refusal")).isEqualTo("credits.error.corrects");
    }

    @Test
    void aSupervisorIsNoAdministratorInTheApi() throws Exception {
        var token = world.visitor(world.creditsSupervisor).apiToken();
        var listed = mvc.perform(get("/api/v1/organizations").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain("Service A " + world.suffix);
        var statement = mvc.perform(get("/api/v1/organizations/{id}/credits", world.a1.value())
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(statement.getStatus()).isEqualTo(200);
        assertThat(statement.getContentAsString()).contains("\"balanceHolderId\":" + world.e.value());
    }
}
