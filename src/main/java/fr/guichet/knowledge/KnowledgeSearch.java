package fr.guichet.knowledge;

import fr.guichet.helpdesk.Publication;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public search over the published sheets: only portable predicates (simple query string,
 * match, terms, bool), so that the Lucene and the Elasticsearch/OpenSearch backends answer alike.
 */
@Component
class KnowledgeSearch {

    static final String INDEX = "kb";
    static final int SIMILAR = 5;
    /** Of the words typed as a new ticket's title, how many a published one must share to be "similar". */
    static final int SIMILAR_SHOULD_MATCH_PERCENT = 60;

    private final EntityManager entityManager;

    KnowledgeSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What a search counts exactly: as many as can be paged through (200 pages of 50). */
    static final int COUNTED = (KnowledgeQuery.LAST_PAGE + 1) * KnowledgeQuery.PAGE_SIZE;

    /** {@code exact} false: there are at least {@code total} (more than can be paged through). */
    public record Found(List<SheetView> sheets, long total, boolean exact, int page, int pages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    @Transactional(readOnly = true)
    Found search(KnowledgeQuery query) {
        var result = Search.session(entityManager)
                .search(Sheet.class)
                .where((f, root) -> {
                    root.add(shown(f));
                    if (query.words() != null) {
                        var words = f.bool()
                                .should(f.simpleQueryString()
                                        .field("title")
                                        .boost(2f)
                                        .field("description")
                                        .field("answer")
                                        .matching(query.words())
                                        .defaultOperator(BooleanOperator.AND));
                        for (var code : query.codes()) {
                            words.should(f.match()
                                    .field("messageCode")
                                    .matching(code)
                                    .boost(5f));
                        }
                        if (query.number() != null) {
                            words.should(f.match()
                                    .field("number")
                                    .matching(query.number())
                                    .boost(10f));
                        }
                        root.add(words);
                    }
                    if (query.product() != null) {
                        root.add(f.match().field("productId").matching(query.product()));
                    }
                    if (query.domain() != null) {
                        root.add(f.match().field("domain").matching(query.domain()));
                    }
                    if (query.status() != null) {
                        root.add(f.match().field("status").matching(query.status()));
                    }
                    if (query.version() != null) {
                        root.add(f.bool()
                                .should(f.match().field("versionLabel").matching(query.version()))
                                .should(f.match().field("fixedVersion").matching(query.version())));
                    }
                    if (query.code() != null) {
                        root.add(f.match().field("messageCode").matching(query.code()));
                    }
                })
                .sort(f -> query.words() != null
                        ? f.score().then().field("number").desc()
                        : f.field("answeredAt")
                                .desc()
                                .missing()
                                .last()
                                .then()
                                .field("number")
                                .desc())
                // counted up to what can be paged through: beyond, the index may skip what cannot rank
                .totalHitCountThreshold(COUNTED)
                .fetch(query.page() * KnowledgeQuery.PAGE_SIZE, KnowledgeQuery.PAGE_SIZE);
        var exact = result.total().isHitCountExact();
        var total = exact ? result.total().hitCount() : result.total().hitCountLowerBound();
        var pages = (int) Math.min(
                (total + KnowledgeQuery.PAGE_SIZE - 1) / KnowledgeQuery.PAGE_SIZE, KnowledgeQuery.LAST_PAGE + 1);
        // the index follows commits; a sheet withdrawn a moment ago is not shown from a stale document
        return new Found(
                result.hits().stream().filter(Sheet::shown).map(Sheet::view).toList(),
                total,
                exact,
                query.page(),
                pages);
    }

    /**
     * The published tickets of a product most like a title being typed (the new-ticket form): most
     * of the typed words in their title, ranked by title and description.
     */
    @Transactional(readOnly = true)
    List<SheetView> similar(long product, String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        var text = typed.length() > KnowledgeQuery.WORDS_LIMIT ? typed.substring(0, KnowledgeQuery.WORDS_LIMIT) : typed;
        return Search.session(entityManager)
                .search(Sheet.class)
                .where((f, root) -> {
                    root.add(shown(f));
                    root.add(f.match().field("productId").matching(product));
                    // most typed words in the title; the description ranks among those (scored only for them:
                    // a minimum-should-match over every description held the suggestions at ~35 ms on 1M sheets)
                    root.add(f.bool()
                            .must(f.match()
                                    .field("title")
                                    .matching(text)
                                    .minimumShouldMatch()
                                    .ifMoreThan(2)
                                    .thenRequirePercent(SIMILAR_SHOULD_MATCH_PERCENT)
                                    .end())
                            .should(f.match().field("description").matching(text)));
                })
                // the five best only: no count, so the index may skip what cannot rank
                .totalHitCountThreshold(SIMILAR)
                .fetchHits(SIMILAR)
                .stream()
                .filter(Sheet::shown)
                .map(Sheet::view)
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<SheetView> sheet(long number) {
        return Optional.ofNullable(entityManager.find(Sheet.class, number))
                .filter(Sheet::shown)
                .map(Sheet::view);
    }

    private static SearchPredicate shown(SearchPredicateFactory f) {
        return f.bool()
                .must(f.match().field("withdrawn").matching(false))
                .mustNot(f.match().field("publication").matching(Publication.NONE))
                .toPredicate();
    }
}
