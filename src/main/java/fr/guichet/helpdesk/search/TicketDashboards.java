package fr.guichet.helpdesk.search;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.calendar.QuietDeadlines;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.tickets.Reach;
import fr.guichet.helpdesk.tickets.Reaches;
import fr.guichet.helpdesk.tickets.Ticket;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards: the requester's ("demandes en cours", "traitées"), his establishment's (the
 * "Tableau de bord", with the distribution by nature) and the agent's queues. Counted and listed
 * from the ticket index, under the reader's reach like the search.
 */
@Component
class TicketDashboards {

    /** The newest tickets a dashboard lists in each group; the search holds the rest. */
    static final int LISTED = 10;
    /** The waiting tickets whose deadlines an agent's dashboard works out. */
    private static final int WAITING = 200;

    private static final AggregationKey<Map<TicketStatus, Long>> BY_STATUS = AggregationKey.of("status");
    private static final AggregationKey<Map<Nature, Long>> BY_NATURE = AggregationKey.of("nature");
    private static final AggregationKey<Map<Long, Long>> BY_PRODUCT = AggregationKey.of("product");

    private final EntityManager entityManager;
    private final Reaches reaches;
    private final HelpdeskReference reference;
    private final AgencyCalendar calendar;
    private final DueDates dueDates;
    private final Clock clock;

    TicketDashboards(
            EntityManager entityManager,
            Reaches reaches,
            HelpdeskReference reference,
            AgencyCalendar calendar,
            DueDates dueDates,
            Clock clock) {
        this.entityManager = entityManager;
        this.reaches = reaches;
        this.reference = reference;
        this.calendar = calendar;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    /** Some tickets and how many there are in all. */
    public record Listed(long count, List<TicketView> tickets) {}

    /** The requester side's groups, each with its count and newest tickets. */
    @Transactional(readOnly = true)
    Map<TicketStatus.DashboardGroup, Listed> requester(AccountId person) {
        var reach = reaches.of(person).requesterSide();
        var counts = search((f, root) -> root.filter(TicketSearch.visibleTo(f, reach)))
                .aggregation(
                        BY_STATUS,
                        f -> f.terms().field("status", TicketStatus.class).maxTermCount(TicketStatus.values().length))
                .fetch(0)
                .aggregation(BY_STATUS);
        var groups = new EnumMap<TicketStatus.DashboardGroup, Listed>(TicketStatus.DashboardGroup.class);
        for (var group : TicketStatus.DashboardGroup.values()) {
            var statuses = Arrays.stream(TicketStatus.values())
                    .filter(s -> s.group() == group)
                    .toList();
            var count =
                    statuses.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
            groups.put(
                    group,
                    new Listed(
                            count,
                            count == 0
                                    ? List.of()
                                    : newest((f, root) -> {
                                        root.filter(TicketSearch.visibleTo(f, reach));
                                        root.filter(f.terms().field("status").matchingAny(statuses));
                                    })));
        }
        return groups;
    }

    /** One establishment's tickets the reader may see (his sites there): the establishment's dashboard. */
    public record Establishment(
            long establishmentId,
            long awaitingPrecision,
            long open,
            long closed,
            Map<Nature, Long> byNature,
            Map<String, Long> byProduct) {}

    @Transactional(readOnly = true)
    List<Establishment> establishments(AccountId person) {
        var reach = reaches.of(person).requesterSide();
        var products = productNames();
        var bySite = new LinkedHashMap<Long, List<Reach.Site>>();
        reach.sites()
                .forEach(s -> bySite.computeIfAbsent(s.establishment(), e -> new ArrayList<>())
                        .add(s));
        var views = new ArrayList<Establishment>();
        bySite.forEach((establishment, sites) -> {
            var there = new Reach(person, reach.establishments(), sites, false, false, List.of(), List.of());
            var result = search((f, root) -> {
                        root.filter(TicketSearch.visibleTo(f, there));
                        root.filter(f.match().field("establishmentId").matching(establishment));
                    })
                    .aggregation(
                            BY_STATUS,
                            f -> f.terms()
                                    .field("status", TicketStatus.class)
                                    .maxTermCount(TicketStatus.values().length))
                    .aggregation(BY_NATURE, f -> f.terms().field("nature", Nature.class))
                    .aggregation(
                            BY_PRODUCT,
                            f -> f.terms().field("productId", Long.class).maxTermCount(200))
                    .fetch(0);
            var statuses = result.aggregation(BY_STATUS);
            var open = statuses.entrySet().stream()
                    .filter(e -> e.getKey().open())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            var closed = statuses.entrySet().stream()
                    .filter(e -> !e.getKey().open())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            var byNature = new EnumMap<Nature, Long>(Nature.class);
            for (var nature : Nature.values()) {
                byNature.put(nature, result.aggregation(BY_NATURE).getOrDefault(nature, 0L));
            }
            var byProduct = new LinkedHashMap<String, Long>();
            result.aggregation(BY_PRODUCT)
                    .forEach((product, count) -> byProduct.put(products.getOrDefault(product, "#" + product), count));
            views.add(new Establishment(
                    establishment, statuses.getOrDefault(TicketStatus.ARS, 0L), open, closed, byNature, byProduct));
        });
        return views;
    }

    /** What an agent's day starts with. Rows of {@code openByProduct}: product name → count by nature. */
    public record Agent(
            Listed mine,
            Listed teamsUnassigned,
            Listed contractorAnswers,
            List<Waiting> dueReminders,
            Listed commitmentsAtRisk,
            Map<String, Map<Nature, Long>> openByProduct,
            long open) {}

    /** A ticket waiting for the site, with its next deadline: the reminder, or once reminded, the closure. */
    public record Waiting(TicketView ticket, LocalDate due, boolean reminded) {}

    @Transactional(readOnly = true)
    Agent agent(AccountId person) {
        return agent(person, LocalDate.now(clock));
    }

    /** The agent's dashboard as it is on that day (the commitments and deadlines it counts depend on it). */
    @Transactional(readOnly = true)
    Agent agent(AccountId person, LocalDate today) {
        var reach = reaches.of(person);
        if (!reach.agent()) {
            return null;
        }
        var mine = listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(open(f));
            root.filter(f.match().field("handlingAgentId").matching(person.value()));
        });
        var unassigned = listed((f, root) -> {
            root.filter(open(f));
            root.filter(f.not(f.exists().field("handlingAgentId")));
            var teams = f.bool().should(f.not(f.exists().field("teamId")));
            if (!reach.teams().isEmpty()) {
                teams.should(f.terms().field("teamId").matchingAny(reach.teams()));
            }
            root.filter(teams);
        });
        var contractorAnswers = listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(f.match().field("status").matching(TicketStatus.ECT));
            root.filter(f.match().field("subStatus").matching(SubStatus.AVA));
        });
        var calendar = this.calendar.today();
        var soon = calendar.plusBusinessDays(today, 1);
        var atRisk = listed((f, root) -> {
            root.filter(TicketSearch.visibleTo(f, reach));
            root.filter(open(f));
            root.filter(f.not(f.exists().field("firstRepliedAt")));
            var late = f.bool();
            for (var priority : Priority.values()) {
                var filedBy = calendar.lastDayDueBy(soon, dueDates.firstReplyDays(priority))
                        .plusDays(1)
                        .atStartOfDay(clock.getZone());
                var ofPriority = priority == Priority.NON_BLOCKING
                        // a simple request has no priority: its commitment is the non-blocking one (DueDates)
                        ? f.bool()
                                .should(f.match().field("priority").matching(priority))
                                .should(f.not(f.exists().field("priority")))
                        : f.match().field("priority").matching(priority);
                late.should(f.bool()
                        .must(ofPriority)
                        .must(f.range().field("createdAt").lessThan(filedBy.toInstant())));
            }
            root.filter(late);
        });
        // a reminder due by then means waiting since that many business days at least (a push only delays it)
        var waitingSince = calendar.lastDayDueBy(soon, QuietDeadlines.DAYS_TO_REMINDER);
        var waiting = search((f, root) -> {
                    root.filter(TicketSearch.visibleTo(f, reach));
                    root.filter(f.terms().field("status").matchingAny(TicketStatus.ARS, TicketStatus.AVS));
                    root.filter(f.range().field("waitingSince").atMost(waitingSince));
                })
                .sort(f -> f.field("waitingSince").asc())
                .fetchHits(WAITING)
                .stream()
                .map(t -> {
                    var due = dueDates.of(t.view(), calendar);
                    return new Waiting(t.view(), t.wasReminded() ? due.closure() : due.reminder(), t.wasReminded());
                })
                .filter(w -> w.due() != null && !w.due().isAfter(soon))
                .sorted(Comparator.comparing(Waiting::due))
                .toList();

        var products = productNames();
        var openByProduct = new TreeMap<String, Map<Nature, Long>>();
        long open = 0;
        for (var nature : Nature.values()) {
            var counted = search((f, root) -> {
                        root.filter(TicketSearch.visibleTo(f, reach));
                        root.filter(open(f));
                        root.filter(f.match().field("nature").matching(nature));
                    })
                    .aggregation(
                            BY_PRODUCT,
                            f -> f.terms().field("productId", Long.class).maxTermCount(500))
                    .fetch(0);
            for (var entry : counted.aggregation(BY_PRODUCT).entrySet()) {
                openByProduct
                        .computeIfAbsent(
                                products.getOrDefault(entry.getKey(), "#" + entry.getKey()),
                                p -> new EnumMap<>(Nature.class))
                        .put(nature, entry.getValue());
            }
        }
        open = search((f, root) -> {
                    root.filter(TicketSearch.visibleTo(f, reach));
                    root.filter(open(f));
                })
                .fetchTotalHitCount();
        return new Agent(mine, unassigned, contractorAnswers, waiting, atRisk, openByProduct, open);
    }

    private static SearchPredicate open(SearchPredicateFactory f) {
        return f.terms()
                .field("status")
                .matchingAny(Arrays.stream(TicketStatus.values())
                        .filter(TicketStatus::open)
                        .toList())
                .toPredicate();
    }

    private Map<Long, String> productNames() {
        var names = new HashMap<Long, String>();
        reference.products().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    private Listed listed(BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        var result = search(where).sort(f -> f.field("number").desc()).fetch(LISTED);
        return new Listed(
                result.total().hitCount(),
                result.hits().stream().map(Ticket::view).toList());
    }

    private List<TicketView> newest(BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        // counted elsewhere (aggregations): not counting lets the index skip what cannot be among the newest
        return search(where)
                .sort(f -> f.field("number").desc())
                .totalHitCountThreshold(LISTED)
                .fetchHits(LISTED)
                .stream()
                .map(Ticket::view)
                .toList();
    }

    private SearchQueryOptionsStep<?, ?, Ticket, ?, ?, ?> search(
            BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        var session = Search.session(entityManager);
        SearchPredicateFactory f = session.scope(Ticket.class).predicate();
        var root = f.bool();
        where.accept(f, root);
        return session.search(Ticket.class).where(root.toPredicate());
    }
}
