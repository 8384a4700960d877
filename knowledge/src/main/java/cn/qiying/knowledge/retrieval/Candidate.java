package cn.qiying.knowledge.retrieval;

/**
 * An entry (by id) found for a query with the signals the decision weighs.
 *
 * @param dense      best cosine between the query and any of the entry's phrasings
 * @param passage    cosine between the query and the entry's question and answer read as one passage
 * @param lexical    share of the query's weight (base IDF of its character bigrams) held by the entry's phrasings
 * @param lexicalAll the same share held by its phrasings and answer together
 * @param vectorRank 1-based rank in the KNN ranking, 0 when KNN did not return it
 * @param textRank   1-based rank in the full-text ranking, 0 when full text did not return it
 * @param score      the fused score the candidates are ranked by
 * @param entry      what the search read of the entry (null in tests of the decision alone)
 */
record Candidate(String id, double dense, double passage, double lexical, double lexicalAll, int vectorRank,
        int textRank, double score, EntrySnapshot entry) {
}
