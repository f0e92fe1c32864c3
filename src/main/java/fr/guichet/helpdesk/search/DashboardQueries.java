package fr.guichet.helpdesk.search;

import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.tickets.Ticket;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/** The ticket index as the dashboards query it: counted, the newest listed, open ones, products named. */
@Component
class DashboardQueries {

    /** The newest tickets a dashboard lists in each group; the search holds the rest. */
    static final int LISTED = 10;

    /** Some tickets and how many there are in all. */
    public record Listed(long count, List<Line> tickets) {}

    /** A ticket as a dashboard lists it: read from the index's stored fields, not loaded from the database. */
    public record Line(TicketId id, String title, TicketState state, Instant createdAt) {}

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
        var result = select(DashboardQueries::line, where)
                .sort(f -> f.field("number").desc())
                .fetch(LISTED);
        return new Listed(result.total().hitCount(), result.hits());
    }

    List<Line> newest(BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        // counted elsewhere (aggregations): not counting lets the index skip what cannot be among the newest
        return select(DashboardQueries::line, where)
                .sort(f -> f.field("number").desc())
                .totalHitCountThreshold(LISTED)
                .fetchHits(LISTED);
    }

    static SearchProjection<Line> line(SearchProjectionFactory<?, ?> f) {
        return f.composite()
                .from(
                        f.field("number", Long.class),
                        f.field("statement.title", String.class),
                        f.field("status", TicketStatus.class),
                        f.field("subStatus", SubStatus.class),
                        f.field("createdAt", Instant.class))
                .asArray(v -> new Line(
                        new TicketId((Long) v[0]),
                        (String) v[1],
                        TicketState.of((TicketStatus) v[2], (SubStatus) v[3]),
                        (Instant) v[4]))
                .toProjection();
    }

    /** What {@code projection} reads of the tickets found by {@code where}. */
    <T> SearchQueryOptionsStep<?, ?, T, ?, ?, ?> select(
            Function<SearchProjectionFactory<?, ?>, SearchProjection<T>> projection,
            BiConsumer<SearchPredicateFactory, BooleanPredicateClausesStep<?, ?>> where) {
        var session = Search.session(entityManager);
        var scope = session.scope(Ticket.class);
        SearchPredicateFactory f = scope.predicate();
        var root = f.bool();
        where.accept(f, root);
        return session.search(scope)
                .select(projection.apply(scope.projection()))
                .where(root.toPredicate());
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
