package fr.guichet.shared;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How words are indexed and searched (the private ticket index, the public knowledge base, the FAQ):
 * French text where "paiements" finds "paiement", "etat" finds "état" and "l'état" finds "état";
 * codes ("ORA-01403", "FB60") kept whole and matched exactly, whatever their case. The same analysis
 * for both backends: Lucene files (the default) and Elasticsearch/OpenSearch (docs/operations.md).
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    public static final String FRENCH = "french";
    /**
     * The same, for what people type: French stop words ("le", "de", "après"…) left out, so that a
     * title of eight words asks for its four meaningful ones (documents keep them: phrases still match).
     */
    public static final String FRENCH_QUERY = "french_query";

    public static final String CODE = "code";
    /**
     * The longest search people may type, in characters. Each word becomes a clause for each field
     * searched (two or three), and Lucene refuses a query of more than 1,024 clauses: 200 characters
     * stay well below, whatever the script (an ideograph is a word), and hold any real question.
     */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Lucene's French stop words (Snowball's list, as Elasticsearch's "_french_"). */
    static final String FRENCH_STOP_WORDS = "org/apache/lucene/analysis/snowball/french_stop.txt";

    /** Lucene's French articles (FrenchAnalyzer), for Elasticsearch's elision filter that has no default. */
    static final String[] FRENCH_ARTICLES = {
        "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"
    };

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH)
                .custom()
                .tokenizer("standard")
                .tokenFilter("elision")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("frenchLightStem");
        context.analyzer(FRENCH_QUERY)
                .custom()
                .tokenizer("standard")
                .tokenFilter("elision")
                .tokenFilter("lowercase")
                .tokenFilter("stop")
                .param("words", FRENCH_STOP_WORDS)
                .param("format", "snowball")
                .param("ignoreCase", "true")
                .tokenFilter("asciiFolding")
                .tokenFilter("frenchLightStem");
        context.normalizer(CODE).custom().tokenFilter("lowercase").tokenFilter("asciiFolding");
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(FRENCH)
                .custom()
                .tokenizer("standard")
                .tokenFilters("guichet_french_elision", "lowercase", "asciifolding", "guichet_french_light_stem");
        context.analyzer(FRENCH_QUERY)
                .custom()
                .tokenizer("standard")
                .tokenFilters(
                        "guichet_french_elision",
                        "lowercase",
                        "guichet_french_stop",
                        "asciifolding",
                        "guichet_french_light_stem");
        context.tokenFilter("guichet_french_stop")
                .type("stop")
                .param("stopwords", "_french_")
                .param("ignore_case", true);
        context.tokenFilter("guichet_french_elision")
                .type("elision")
                .param("articles_case", true)
                .param("articles", FRENCH_ARTICLES);
        context.tokenFilter("guichet_french_light_stem").type("stemmer").param("language", "light_french");
        context.normalizer(CODE).custom().tokenFilters("lowercase", "asciifolding");
    }
}
