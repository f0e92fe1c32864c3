package fr.guichet.helpdesk.search;

import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.tickets.Ticket;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/** The ticket index as the dashboards query it: counted, the newest listed, open ones, products named. */
@Component
class DashboardQueries {

    /** The newest tickets a dashboard lists in each group; the search holds the rest. */
    static final int LISTED = 10;

    /** Some tickets and how many there are in all. */
    public record Listed(long count, List<TicketView> tickets) {}

    private final EntityManager entityManager;
    private final HelpdeskReference reference;

    DashboardQueries(EntityManager entityManager, HelpdeskReference reference) {
        this.entityManager = entityManager;
        this.reference = reference;
    }

    static SearchPredicate open(SearchPredicateFactory f) {
        return f.terms()
                .field("status")
                .matchingAny(Arrays.stream(TicketStatus.values())
                        .filter(TicketStatus::open)
                        .toList())
                .toPredicate();
    }

    Map<Long, String> productNames() {
        var names = new HashMap<Long, String>();
        reference.products().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    Listed listed(BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        var result = search(where).sort(f -> f.field("number").desc()).fetch(LISTED);
        return new Listed(
                result.total().hitCount(),
                result.hits().stream().map(Ticket::view).toList());
    }

    List<TicketView> newest(BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        // counted elsewhere (aggregations): not counting lets the index skip what cannot be among the newest
        return search(where)
                .sort(f -> f.field("number").desc())
                .totalHitCountThreshold(LISTED)
                .fetchHits(LISTED)
                .stream()
                .map(Ticket::view)
                .toList();
    }

    SearchQueryOptionsStep<?, ?, Ticket, ?, ?, ?> search(
            BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        var session = Search.session(entityManager);
        SearchPredicateFactory f = session.scope(Ticket.class).predicate();
        var root = f.bool();
        where.accept(f, root);
        return session.search(Ticket.class).where(root.toPredicate());
    }
}
