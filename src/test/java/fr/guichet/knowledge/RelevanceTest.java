package fr.guichet.knowledge;

import fr.guichet.support.IntegrationTest;

/** The relevance corpus on the default backend: Lucene files. */
@IntegrationTest
class RelevanceTest extends RelevanceCorpus {}
