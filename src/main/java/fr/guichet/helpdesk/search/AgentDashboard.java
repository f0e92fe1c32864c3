package fr.guichet.helpdesk.search;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.calendar.QuietDeadlines;
import fr.guichet.helpdesk.search.DashboardQueries.Line;
import fr.guichet.helpdesk.search.DashboardQueries.Listed;
import fr.guichet.helpdesk.tickets.Reaches;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent's day starts with: his tickets, his teams' unassigned ones, the contractors'
 * answers to validate, the reminders and closures due, the commitments at risk, the open tickets by
 * product and nature. From the ticket index, under his reach.
 */
@Component
class AgentDashboard {

    /** The waiting tickets whose deadlines an agent's dashboard works out. */
    private static final int WAITING = 200;

    private static final AggregationKey<Map<Nature, Map<Long, Long>>> BY_NATURE_AND_PRODUCT =
            AggregationKey.of("nature-product");

    private final DashboardQueries queries;
    private final Reaches reaches;
    private final AgencyCalendar calendar;
    private final DueDates dueDates;
    private final Clock clock;

    AgentDashboard(DashboardQueries queries, Reaches reaches, AgencyCalendar calendar, DueDates dueDates, Clock clock) {
        this.queries = queries;
        this.reaches = reaches;
        this.calendar = calendar;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    /** The dashboard. Rows of {@code openByProduct}: product name → count by nature. */
    public record Agent(
            Listed mine,
            Listed teamsUnassigned,
            Listed contractorAnswers,
            List<Waiting> dueReminders,
            Listed commitmentsAtRisk,
            Map<String, Map<Nature, Long>> openByProduct,
            long open) {}

    /** A ticket waiting for the site, with its next deadline: the reminder, or once reminded, the closure. */
    public record Waiting(Line ticket, LocalDate due, boolean reminded) {}

    /** What the index holds of a waiting ticket's clock, its deadlines worked out from it. */
    private record Clocked(
            Line line,
            LocalDate since,
            int pushedDays,
            @Nullable LocalDate remindedOn) {}

    private static SearchProjection<Clocked> waiting(SearchProjectionFactory<?, ?> f) {
        return f.composite()
                .from(
                        DashboardQueries.line(f),
                        f.field("siteWait.since", LocalDate.class).toProjection(),
                        f.field("siteWait.pushedDays", Integer.class).toProjection(),
                        f.field("siteWait.remindedOn", LocalDate.class).toProjection())
                .asArray(v ->
                        new Clocked((Line) v[0], (LocalDate) v[1], v[2] == null ? 0 : (Integer) v[2], (LocalDate) v[3]))
                .toProjection();
    }

    @Transactional(readOnly = true)
    Agent of(AccountId person) {
        return of(person, LocalDate.now(clock));
    }

    /** The agent's dashboard as it is on that day (the commitments and deadlines it counts depend on it). */
    @Transactional(readOnly = true)
    Agent of(AccountId person, LocalDate today) {
        var reach = reaches.of(person);
        if (!reach.agent()) {
            return null;
        }
        var mine = queries.listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(DashboardQueries.open(f));
            root.filter(f.match().field("handling.agentId").matching(person.value()));
        });
        var unassigned = queries.listed((f, root) -> {
            root.filter(DashboardQueries.open(f));
            root.filter(f.not(f.exists().field("handling.agentId")));
            var teams = f.bool().should(f.not(f.exists().field("handling.teamId")));
            if (!reach.teams().isEmpty()) {
                teams.should(f.terms().field("handling.teamId").matchingAny(reach.teams()));
            }
            root.filter(teams);
        });
        var contractorAnswers = queries.listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(f.match().field("status").matching(TicketStatus.ECT));
            root.filter(f.match().field("subStatus").matching(SubStatus.AVA));
        });
        var calendar = this.calendar.today();
        var soon = calendar.plusBusinessDays(today, 1);
        var atRisk = queries.listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(DashboardQueries.open(f));
            root.filter(f.not(f.exists().field("firstRepliedAt")));
            var late = f.bool();
            for (var priority : Priority.values()) {
                var filedBy = calendar.lastDayDueBy(soon, dueDates.firstReplyDays(priority))
                        .plusDays(1)
                        .atStartOfDay(clock.getZone());
                var ofPriority = priority == Priority.NON_BLOCKING
                        // a simple request has no priority: its commitment is the non-blocking one (DueDates)
                        ? f.bool()
                                .should(f.match()
                                        .field("qualification.priority")
                                        .matching(priority))
                                .should(f.not(f.exists().field("qualification.priority")))
                        : f.match().field("qualification.priority").matching(priority);
                late.should(f.bool()
                        .must(ofPriority)
                        .must(f.range().field("createdAt").lessThan(filedBy.toInstant())));
            }
            root.filter(late);
        });
        // a reminder due by then means waiting since that many business days at least (a push only delays it)
        var waitingSince = calendar.lastDayDueBy(soon, QuietDeadlines.DAYS_TO_REMINDER);
        var waiting = queries
                .select(AgentDashboard::waiting, (f, root) -> {
                    root.filter(TicketSearch.visibleTo(f, reach));
                    root.filter(f.terms().field("status").matchingAny(TicketStatus.ARS, TicketStatus.AVS));
                    root.filter(f.range().field("siteWait.since").atMost(waitingSince));
                })
                .sort(f -> f.field("siteWait.since").asc())
                .fetchHits(WAITING)
                .stream()
                .map(w -> {
                    var deadlines = QuietDeadlines.from(w.since(), calendar)
                            .pushedBy(w.pushedDays(), calendar)
                            .remindedOn(w.remindedOn(), calendar);
                    var reminded = w.remindedOn() != null;
                    return new Waiting(w.line(), reminded ? deadlines.closure() : deadlines.reminder(), reminded);
                })
                .filter(w -> w.due() != null && !w.due().isAfter(soon))
                .sorted(Comparator.comparing(Waiting::due))
                .toList();

        // the open tickets counted by nature and product in one request: the total is its hit count
        var counted = queries.search((f, root) -> {
                    root.filter(TicketSearch.visibleTo(f, reach));
                    root.filter(DashboardQueries.open(f));
                })
                .aggregation(
                        BY_NATURE_AND_PRODUCT,
                        f -> f.terms()
                                .field("qualification.nature", Nature.class)
                                .value(f.terms().field("productId", Long.class).maxTermCount(500)))
                .fetch(0);
        var products = queries.productNames();
        var openByProduct = new TreeMap<String, Map<Nature, Long>>();
        counted.aggregation(BY_NATURE_AND_PRODUCT)
                .forEach((nature, byProduct) -> byProduct.forEach((product, count) -> openByProduct
                        .computeIfAbsent(
                                products.getOrDefault(product, "#" + product), p -> new EnumMap<>(Nature.class))
                        .put(nature, count)));
        var open = counted.total().hitCount();
        return new Agent(mine, unassigned, contractorAnswers, waiting, atRisk, openByProduct, open);
    }
}
