package fr.guichet.knowledge;

import fr.guichet.shared.SearchIndexes;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
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

    static final Duration CATCH_UP = Duration.ofHours(1);

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;

    KnowledgeIndex(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (SearchIndexes.indexed(entityManagerFactory, Sheet.class) > 0) {
            SearchIndexes.catchUp(
                    entityManagerFactory, Sheet.class, "number", clock.instant().minus(CATCH_UP));
        } else {
            SearchIndexes.rebuildIfEmpty(entityManagerFactory, Sheet.class, KnowledgeSearch.INDEX);
        }
        SearchIndexes.rebuildIfEmpty(entityManagerFactory, FaqEntry.class, Faq.INDEX);
    }
}
