package fr.guichet.shared;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How words are indexed and searched (the private ticket index, the public knowledge base): French
 * text where "paiements" finds "paiement", "etat" finds "état" and "l'état" finds "état"; codes
 * ("ORA-01403", "FB60") kept whole and matched exactly, whatever their case.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

    public static final String FRENCH = "french";
    public static final String CODE = "code";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH).custom()
                .tokenizer("standard")
                .tokenFilter("elision")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("frenchLightStem");
        context.normalizer(CODE).custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}
