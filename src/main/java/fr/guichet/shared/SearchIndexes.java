package fr.guichet.shared;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar guichet.jar rebuild-search-indexes}: every search index (the private ticket index,
 * the knowledge base, the FAQ) emptied and rebuilt from the database, then the command exits. For an
 * index lost or suspected wrong, a change of analysis, or a move to another backend (docs/operations.md).
 */
@Component
public class SearchIndexes implements ApplicationRunner {

    public static final String REBUILD_COMMAND = "rebuild-search-indexes";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    private final EntityManagerFactory entityManagerFactory;

    SearchIndexes(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * The entities of this type whose {@code updatedAt} is since then, indexed again as updates (the
     * mass indexer only adds, which would duplicate what the index holds): what a crash between a
     * commit and the index's next write to disk may have left out.
     */
    public static int catchUp(
            EntityManagerFactory entityManagerFactory, Class<?> type, String idProperty, Instant since) {
        var em = entityManagerFactory.createEntityManager();
        try {
            em.getTransaction().begin();
            var ids = em.createQuery(
                            "select e." + idProperty + " from " + type.getSimpleName()
                                    + " e where e.updatedAt >= :since" + " order by e." + idProperty,
                            Object.class)
                    .setParameter("since", since)
                    .getResultList();
            var plan = Search.session(em).indexingPlan();
            for (var i = 0; i < ids.size(); i++) {
                plan.addOrUpdate(em.find(type, ids.get(i)));
                if (i % 200 == 199) {
                    plan.execute();
                    em.clear();
                }
            }
            em.getTransaction().commit();
            return ids.size();
        } finally {
            em.close();
        }
    }

    /** How many documents the index of this type holds. */
    public static long indexed(EntityManagerFactory entityManagerFactory, Class<?> type) {
        var em = entityManagerFactory.createEntityManager();
        try {
            return Search.session(em).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
        } finally {
            em.close();
        }
    }

    /**
     * An index found empty while its table is not (a first start, a new node, an emptied folder) is
     * rebuilt in the background, searches answering meanwhile; {@code name} is the index's, in the log.
     */
    public static void rebuildIfEmpty(EntityManagerFactory entityManagerFactory, Class<?> type, String name) {
        if (indexed(entityManagerFactory, type) > 0) {
            return;
        }
        var em = entityManagerFactory.createEntityManager();
        long stored;
        try {
            stored = em.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class)
                    .getSingleResult();
        } finally {
            em.close();
        }
        if (stored == 0) {
            return;
        }
        log.info("The {} index is empty: rebuilding it from the database in the background", name);
        // purged first, even when found empty: the mass indexer adds, it does not update
        Search.mapping(entityManagerFactory)
                .scope(type)
                .massIndexer()
                .purgeAllOnStart(true)
                .mergeSegmentsOnFinish(false)
                .threadsToLoadObjects(2)
                .start()
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        log.error("Rebuilding the {} index failed", name, failure);
                    } else {
                        log.info("The {} index is rebuilt", name);
                    }
                });
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        if (!arguments.getNonOptionArgs().contains(REBUILD_COMMAND)) {
            return;
        }
        var start = Instant.now();
        log.info("Rebuilding every search index from the database");
        Search.mapping(entityManagerFactory)
                .scope(Object.class)
                .massIndexer()
                .purgeAllOnStart(true)
                .threadsToLoadObjects(2)
                .startAndWait();
        log.info(
                "Every search index is rebuilt, in {} s",
                Duration.between(start, Instant.now()).toSeconds());
    }
}
