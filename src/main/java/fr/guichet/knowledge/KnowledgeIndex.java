package fr.guichet.knowledge;

import fr.guichet.shared.SearchIndexes;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The knowledge base's and the FAQ's indexes follow every committed change by themselves; at
 * start-up an empty one is rebuilt from the database (a first start, a new node, an emptied
 * folder), and the sheets changed in the last hour are indexed again (what a crash could lose).
 */
@Component
class KnowledgeIndex {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    static final Duration CATCH_UP = Duration.ofHours(1);

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;

    KnowledgeIndex(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        rebuildIfEmpty(Sheet.class, "select count(s) from Sheet s");
        rebuildIfEmpty(FaqEntry.class, "select count(e) from FaqEntry e");
        catchUp();
    }

    private void rebuildIfEmpty(Class<?> type, String countQuery) {
        var em = entityManagerFactory.createEntityManager();
        try {
            var indexed = Search.session(em).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
            var stored = em.createQuery(countQuery, Long.class).getSingleResult();
            if (indexed > 0 || stored == 0) {
                return;
            }
            log.info("The {} index is empty: rebuilding it from the database in the background", type.getSimpleName());
            // purged first: the mass indexer adds, it does not update
            Search.mapping(entityManagerFactory).scope(type).massIndexer().purgeAllOnStart(true)
                    .mergeSegmentsOnFinish(false).threadsToLoadObjects(2).start()
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            log.error("Rebuilding the {} index failed", type.getSimpleName(), failure);
                        } else {
                            log.info("The {} index is rebuilt", type.getSimpleName());
                        }
                    });
        } finally {
            em.close();
        }
    }

    /** The sheets changed in the last hour, indexed again. */
    int catchUp() {
        return SearchIndexes.catchUp(entityManagerFactory, Sheet.class, "number", clock.instant().minus(CATCH_UP));
    }
}
