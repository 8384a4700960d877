package cn.qiying.knowledge.retrieval;

/**
 * An entry (by id) found for a query with the signals the decision weighs.
 *
 * @param dense      best cosine between the query and any of the entry's phrasings
 * @param vectorRank 1-based rank in the KNN ranking, 0 when KNN did not return it
 * @param textRank   1-based rank in the full-text ranking, 0 when full text did not return it
 * @param text       full-text score normalised to the best full-text score of this query (0..1)
 * @param score      the fused score the candidates are ranked by
 * @param entry      what the search read of the entry (null in tests of the decision alone)
 */
record Candidate(String id, double dense, int vectorRank, int textRank, double text, double score,
        EntrySnapshot entry) {
}
