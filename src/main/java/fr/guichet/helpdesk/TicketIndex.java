package fr.guichet.helpdesk;

import jakarta.persistence.EntityManagerFactory;
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

    TicketIndex(EntityManagerFactory entityManagerFactory, TicketRepository tickets) {
        this.entityManagerFactory = entityManagerFactory;
        this.tickets = tickets;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (indexed() == 0 && tickets.count() > 0) {
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

    /** Every ticket, read again from the database; searches keep answering meanwhile. */
    CompletionStage<?> rebuild() {
        // not purged first: what changed meanwhile was indexed on commit and is only written again
        return Search.mapping(entityManagerFactory).scope(Ticket.class).massIndexer()
                .purgeAllOnStart(false).mergeSegmentsOnFinish(false).threadsToLoadObjects(2).start();
    }
}
