package fr.guichet.helpdesk.search;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.QuietDeadlines;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.helpdesk.tickets.Assignment;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.TicketActs;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.helpdesk.tickets.TicketSideActs;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The requester's, the establishment's and the agent's dashboards, and bookmarks with the history, as their pages show them. */
@IntegrationTest
class TicketDashboardsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFiling filing;

    @Autowired
    TicketActs acts;

    @Autowired
    TicketSideActs sideActs;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    AgencyCalendar agencyCalendar;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    MockMvc mvc;

    @Autowired
    AgentDashboard dashboards;

    @Autowired
    JdbcClient jdbc;

    String suffix;
    OrganizationId establishment;
    String correspondentEmail;
    AccountId correspondent;
    String agentEmail;
    AccountId agent;
    AccountId contractorAgent;
    long contractor;
    long category;
    long team;
    ProductId product;

    @BeforeEach
    void siteAgentAndContractor() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        product = reference.defineProduct("SIHAM-" + suffix, "Siham " + suffix, null);
        reference.validateInstalledVersion(establishment, product, reference.defineVersion(product, "8.1", true), null);
        correspondentEmail = People.uniqueEmail(domain);
        correspondent = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Roux", "Léa", establishment, false, GOOD_PASSWORD);
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        agentEmail = People.uniqueEmail("agence.test");
        agent = accounts.createVerified(agentEmail, Civility.MONSIEUR, "Agent", "Hugo", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        contractorAgent = accounts.createVerified(
                People.uniqueEmail("presta.test"), Civility.MONSIEUR, "Presta", "Yann", null, false, GOOD_PASSWORD);
        contractor = reference.defineContractor("Prestataire " + suffix, List.of(contractorAgent));
        team = reference.defineTeam("Siham " + suffix, List.of(agent));
        category = reference.defineCategory(null, "Siham " + suffix, product, true, false, false, true, true, team);
    }

    @Test
    void eachDashboardCountsAndListsWhatItsReaderFollows() throws Exception {
        var waitingForMe = file("Paie de novembre", Nature.FUNCTIONAL, Priority.BLOCKING);
        var handed = file("Export DSN", Nature.TECHNICAL, Priority.NON_BLOCKING);
        var untouched = file("Droits des gestionnaires", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        var done = file("Bulletin illisible", Nature.TECHNICAL, Priority.NON_BLOCKING);
        act(agent, waitingForMe, Action.TAKE, null, null);
        act(agent, waitingForMe, Action.ASK_SITE, "Quel agent est concerné ?", null);
        act(agent, handed, Action.TAKE, null, null);
        act(agent, handed, Action.HAND_TO_CONTRACTOR, null, contractor);
        act(contractorAgent, handed, Action.CONTRACTOR_ANSWER, "Relancer l'export.", null);
        act(agent, done, Action.TAKE, null, null);
        act(agent, done, Action.SEND_SOLUTION, "Police manquante.", null);
        act(correspondent, done, Action.VALIDATE_SOLUTION, null, null);

        var mine = page(correspondentEmail, "/demandes");
        assertThat(mine.select("[data-testid=group-AWAITING_MY_REPLY] h2").text())
                .isEqualTo("En attente de ma réponse (1)");
        assertThat(mine.select("[data-testid=group-AWAITING_MY_REPLY] a").eachText())
                .containsExactly(link(waitingForMe, "Paie de novembre"));
        assertThat(mine.select("[data-testid=group-IN_PROGRESS] h2").text()).isEqualTo("En cours (2)");
        assertThat(mine.select("[data-testid=group-TREATED] a").eachText())
                .containsExactly(link(done, "Bulletin illisible"));

        var site = page(correspondentEmail, "/demandes/etablissement")
                .select("[data-testid=establishment-" + establishment.value() + "]");
        assertThat(site.select("[data-testid=awaiting-precision]").text()).isEqualTo("1");
        assertThat(site.select("[data-testid=open]").text()).isEqualTo("3");
        assertThat(site.select("[data-testid=closed]").text()).isEqualTo("1");
        assertThat(site.select("[data-testid=by-nature] tbody tr").eachText())
                .containsExactly("Fonctionnelle 2", "Technique 2");
        assertThat(site.select("[data-testid=by-product] tbody tr").eachText())
                .containsExactly("Siham " + suffix + " 4");

        var desk = page(agentEmail, "/agence/demandes");
        assertThat(desk.select("[data-testid=mine] a").eachText())
                .contains(link(waitingForMe, "Paie de novembre"), link(handed, "Export DSN"))
                .doesNotContain(link(done, "Bulletin illisible"));
        assertThat(desk.select("[data-testid=unassigned] a").eachText())
                .contains(link(untouched, "Droits des gestionnaires"))
                .doesNotContain(link(handed, "Export DSN"));
        assertThat(desk.select("[data-testid=contractor-answers] a").eachText()).contains(link(handed, "Export DSN"));
        assertThat(desk.select("[data-testid=open-by-product] tbody tr").eachText())
                .contains("Siham " + suffix + " 2 1");

        var member = People.uniqueEmail("ailleurs.test");
        accounts.createVerified(
                member,
                Civility.MONSIEUR,
                "Membre",
                "Max",
                organizations.createEstablishment("Autre " + suffix, "A", Set.of("ailleurs-" + suffix + ".test")),
                false,
                GOOD_PASSWORD);
        assertThat(Visitor.signedIn(mvc, member)
                        .perform(get("/agence/demandes"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("not staff")
                .isEqualTo(403);
        assertThat(page(member, "/demandes/etablissement").select("[data-testid=not-correspondent]"))
                .hasSize(1);
    }

    @Test
    void theAgentSeesCommitmentsAboutToBeMissedAndDeadlinesComingTheDayBefore() {
        var blocking = file("Paie bloquée", Nature.FUNCTIONAL, Priority.BLOCKING);
        var asked = file("Question posée", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        act(agent, asked, Action.TAKE, null, null);
        act(agent, asked, Action.ASK_SITE, "Quel établissement payeur ?", null);
        var calendar = agencyCalendar.today();
        var filedOn = LocalDate.now(ZoneId.of("Europe/Paris"));
        var due = calendar.plusBusinessDays(filedOn, 2);
        var reminder = QuietDeadlines.from(filedOn, calendar).reminder();

        var dayBeforeDue = calendar.plusBusinessDays(filedOn, 1);
        assertThat(ids(dashboards.of(agent, filedOn).commitmentsAtRisk())).doesNotContain(blocking);
        assertThat(ids(dashboards.of(agent, dayBeforeDue).commitmentsAtRisk()))
                .as("first reply due tomorrow")
                .contains(blocking)
                .doesNotContain(asked);
        assertThat(ids(dashboards.of(agent, due.plusDays(10)).commitmentsAtRisk()))
                .as("late")
                .contains(blocking);
        var simpleCategory =
                reference.defineCategory(null, "Accès " + suffix, null, false, true, true, false, false, team);
        var simple = filing.fileSimple(
                        correspondent, new CategoryId(simpleCategory), "Accès refusé", "Je n'ai plus accès.", null)
                .value();
        assertThat(ids(dashboards
                        .of(agent, calendar.plusBusinessDays(filedOn, 4))
                        .commitmentsAtRisk()))
                .as("a simple request: the non-blocking commitment")
                .contains(simple);

        assertThat(dashboards.of(agent, filedOn).dueReminders())
                .extracting(w -> w.ticket().id().value())
                .doesNotContain(asked);
        var dayBeforeReminder = calendar.plusBusinessDays(filedOn, QuietDeadlines.DAYS_TO_REMINDER - 1);
        assertThat(dashboards.of(agent, dayBeforeReminder).dueReminders())
                .filteredOn(w -> w.ticket().id().value() == asked)
                .extracting(AgentDashboard.Waiting::due)
                .containsExactly(reminder);
    }

    @Test
    void theAgentsOpenCountsAndListedLinesAreTheDatabasesAlsoAfterAChange() {
        var first = file("Cotisations", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        file("Congés", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        var third = file("Lenteur", Nature.TECHNICAL, Priority.BLOCKING);
        assertThat(dashboards.of(agent).openByProduct().get("Siham " + suffix))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Nature.FUNCTIONAL, 2L, Nature.TECHNICAL, 1L))
                .isEqualTo(openInDatabase());
        assertThat(dashboards.of(agent).open()).isEqualTo(openVisibleToAgentInDatabase());

        act(agent, first, Action.TAKE, null, null);
        act(agent, first, Action.ASK_SITE, "Quel mois ?", null);
        act(agent, third, Action.TAKE, null, null);
        act(agent, third, Action.SEND_SOLUTION, "Index reconstruit.", null);
        act(correspondent, third, Action.VALIDATE_SOLUTION, null, null);
        var after = dashboards.of(agent);
        assertThat(after.openByProduct().get("Siham " + suffix))
                .as("the closed one no longer counted")
                .containsExactlyInAnyOrderEntriesOf(Map.of(Nature.FUNCTIONAL, 2L))
                .isEqualTo(openInDatabase());
        assertThat(after.open()).isEqualTo(openVisibleToAgentInDatabase());
        var listed = after.mine().tickets().stream()
                .filter(t -> t.id().value() == first)
                .findFirst()
                .orElseThrow();
        var stored = tickets.find(agent, new TicketId(first));
        assertThat(listed.title()).isEqualTo(stored.title()).isEqualTo("Cotisations");
        assertThat(listed.state()).as("read from the index after the change").isEqualTo(stored.state());
        assertThat(listed.createdAt()).isEqualTo(stored.createdAt());
    }

    /** This product's open tickets by nature, counted by the database. */
    private Map<Nature, Long> openInDatabase() {
        var counts = new EnumMap<Nature, Long>(Nature.class);
        jdbc.sql(
                        "select nature, count(*) from ticket where product_id = :product and status in (:open) group by nature")
                .param("product", product.value())
                .param("open", openStatuses())
                .query((rs, n) -> counts.put(Nature.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The open tickets the agent may see (no team yet, or one of his), counted by the database. */
    private long openVisibleToAgentInDatabase() {
        return jdbc.sql("select count(*) from ticket where status in (:open) and (team_id is null"
                        + " or team_id in (select team_id from team_member where account_id = :agent))")
                .param("open", openStatuses())
                .param("agent", agent.value())
                .query(Long.class)
                .single();
    }

    private static List<String> openStatuses() {
        return Arrays.stream(TicketStatus.values())
                .filter(TicketStatus::open)
                .map(Enum::name)
                .toList();
    }

    private static List<Long> ids(DashboardQueries.Listed listed) {
        return listed.tickets().stream().map(t -> t.id().value()).toList();
    }

    @Test
    void aBookmarkStaysUntilRemovedAndTheHistoryKeepsTheLatestVisibleOnes() throws Exception {
        var first = file("Contrats courts", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        var second = file("Temps partiels", Nature.FUNCTIONAL, Priority.NON_BLOCKING);
        var visitor = Visitor.signedIn(mvc, correspondentEmail);
        visitor.perform(get("/demandes/" + first));
        visitor.perform(get("/demandes/" + second));
        visitor.perform(post("/demandes/" + first + "/signet").with(csrf()));
        visitor.perform(post("/demandes/" + first + "/signet").with(csrf()));

        var lists = page(correspondentEmail, visitor, "/demandes/signets");
        assertThat(lists.select("[data-testid=bookmarks] a").eachText())
                .containsExactly(link(first, "Contrats courts"));
        assertThat(lists.select("[data-testid=history] a").eachText())
                .containsExactly(link(second, "Temps partiels"), link(first, "Contrats courts"));
        assertThat(page(correspondentEmail, visitor, "/demandes/" + first)
                        .select("[data-testid=bookmark]")
                        .text())
                .isEqualTo("Retirer des signets");

        visitor.perform(post("/demandes/" + first + "/signet").with(csrf()).param("remove", "true"));
        assertThat(page(correspondentEmail, visitor, "/demandes/signets").select("[data-testid=bookmarks] a"))
                .isEmpty();

        var stranger = People.uniqueEmail("autre.test");
        accounts.createVerified(stranger, Civility.MONSIEUR, "Curieux", "Tom", null, false, GOOD_PASSWORD);
        assertThat(Visitor.signedIn(mvc, stranger)
                        .perform(post("/demandes/" + first + "/signet").with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a ticket he may not see")
                .isEqualTo(404);
    }

    private long file(String title, Nature nature, Priority priority) {
        return filing.fileLevelTwo(
                        correspondent,
                        establishment,
                        new LevelTwoForm(
                                new CategoryId(category),
                                priority,
                                null,
                                nature,
                                null,
                                null,
                                title,
                                "Description de " + title,
                                null))
                .value();
    }

    private void act(AccountId person, long id, Action action, String text, Long to) {
        acts.act(person, new TicketId(id), action, null, text, Assignment.of(action, to, to, to));
    }

    private static String link(long id, String title) {
        return "Demande n° " + id + " — " + title;
    }

    private Document page(String email, String path) throws Exception {
        return page(email, Visitor.signedIn(mvc, email), path);
    }

    private static Document page(String email, Visitor visitor, String path) throws Exception {
        var response = visitor.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " for " + email).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
