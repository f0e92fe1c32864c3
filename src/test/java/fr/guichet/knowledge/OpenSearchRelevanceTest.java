package fr.guichet.knowledge;

import fr.guichet.support.OpenSearch;
import fr.guichet.support.TestClockConfiguration;
import fr.guichet.support.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relevance corpus on the Elasticsearch/OpenSearch backend, against a real OpenSearch node:
 * the analysis defined for it (shared.SearchAnalysis) and the portable queries answer as on Lucene.
 */
@ExtendWith(OpenSearch.class)
@SpringBootTest
@ActiveProfiles(resolver = TestDatabase.class)
@Import(TestClockConfiguration.class)
class OpenSearchRelevanceTest extends RelevanceCorpus {

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("spring.jpa.properties.hibernate.search.backend.type", () -> "elasticsearch");
        registry.add("spring.jpa.properties.hibernate.search.backend.hosts", () -> "localhost:" + OpenSearch.port());
        registry.add("spring.jpa.properties.hibernate.search.backend.protocol", () -> "http");
        registry.add("spring.jpa.properties.hibernate.search.backend.version", () -> "opensearch:2.19");
    }
}
