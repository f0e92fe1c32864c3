package fr.guichet.helpdesk;

import fr.guichet.shared.SearchIndexes;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The private ticket index follows every committed change by itself; this rebuilds it from the
 * database when it is lost or new (a first start, an emptied index folder, a new node).
 */
@Component
class TicketIndex {

    private static final Logger log = LoggerFactory.getLogger(TicketIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final TicketRepository tickets;
    private final Clock clock;

    TicketIndex(EntityManagerFactory entityManagerFactory, TicketRepository tickets, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** How far back start-up indexes changed tickets again: well beyond the second a crash could lose. */
    static final Duration CATCH_UP = Duration.ofHours(1);

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (indexed() > 0) {
            catchUp(clock.instant().minus(CATCH_UP));
            return;
        }
        if (tickets.count() > 0) {
            log.info("The ticket index is empty: rebuilding it from the database in the background");
            rebuild().whenComplete((done, failure) -> {
                if (failure != null) {
                    log.error("Rebuilding the ticket index failed", failure);
                } else {
                    log.info("The ticket index is rebuilt");
                }
            });
        }
    }

    long indexed() {
        var em = entityManagerFactory.createEntityManager();
        try {
            return Search.session(em).search(Ticket.class).where(f -> f.matchAll()).fetchTotalHitCount();
        } finally {
            em.close();
        }
    }

    /**
     * The tickets changed since then, indexed again (what a crash may have left out of the index), as
     * updates: the mass indexer only adds, which would duplicate what the index already holds.
     */
    int catchUp(Instant since) {
        return SearchIndexes.catchUp(entityManagerFactory, Ticket.class, "id", since);
    }

    /** Every ticket, read again from the database; searches keep answering meanwhile. */
    CompletionStage<?> rebuild() {
        // purged first, even when found empty: the mass indexer adds, it does not update
        return Search.mapping(entityManagerFactory).scope(Ticket.class).massIndexer()
                .purgeAllOnStart(true).mergeSegmentsOnFinish(false).threadsToLoadObjects(2).start();
    }
}
