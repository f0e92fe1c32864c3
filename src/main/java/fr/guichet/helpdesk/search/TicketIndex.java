package fr.guichet.helpdesk.search;

import fr.guichet.helpdesk.tickets.Ticket;
import fr.guichet.shared.SearchIndexes;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The private ticket index follows every committed change by itself; this rebuilds it from the
 * database when it is lost or new (a first start, an emptied index folder, a new node).
 */
@Component
class TicketIndex {

    /** How far back start-up indexes changed tickets again: well beyond the second a crash could lose. */
    static final Duration CATCH_UP = Duration.ofHours(1);

    /**
     * What the log calls it, as it always has ("The ticket index is rebuilt"): operators and the
     * benchmark wait for that line, whatever the index's own name ({@link TicketIndexMapping#INDEX}).
     */
    static final String LOG_NAME = "ticket";

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;

    TicketIndex(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (indexed() > 0) {
            catchUp(clock.instant().minus(CATCH_UP));
        } else {
            SearchIndexes.rebuildIfEmpty(entityManagerFactory, Ticket.class, LOG_NAME);
        }
    }

    long indexed() {
        return SearchIndexes.indexed(entityManagerFactory, Ticket.class);
    }

    /**
     * The tickets changed since then, indexed again (what a crash may have left out of the index), as
     * updates: the mass indexer only adds, which would duplicate what the index already holds.
     */
    int catchUp(Instant since) {
        return SearchIndexes.catchUp(entityManagerFactory, Ticket.class, "id", since);
    }
}
