package cn.qiying.knowledge.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval and decision settings ({@code qiying.knowledge.*}). The answer and suggest thresholds here serve only
 * until the base has measured itself (self-calibration, {@code GET /api/knowledge/calibration}): from then on the
 * thresholds fitted on the base are used.
 *
 * @param answerScore         fused score of the top entry at or above which the bot may answer outright (before calibration)
 * @param answerMargin        how far the top entry must lead the runner-up to answer outright (before calibration)
 * @param suggestScore        fused score at or above which the top questions are offered as choices (before calibration)
 * @param phrasingWeight      weight of the best cosine between the query and one of the entry's phrasings
 * @param passageWeight       weight of the cosine between the query and the entry's question and answer as one passage
 * @param lexicalWeight       weight of the share of the query's rare grams that the entry's phrasings hold
 * @param answerLexicalWeight weight of the share of the query's rare grams that its phrasings and answer hold
 * @param candidates          how many entries each ranking (KNN, full text) contributes before re-ranking
 * @param maxHits             hits returned with a decision
 * @param maxQueryLength      characters of user text used; the rest is ignored
 * @param cachedEntries       entries whose phrasing vectors and hit texts are kept in memory (about 2 KB per phrasing)
 * @param textSearchThreads   threads running searches' full-text half alongside the query's embedding
 */
@ConfigurationProperties("qiying.knowledge")
public record KnowledgeProperties(
        @DefaultValue("0.62") double answerScore,
        @DefaultValue("0.06") double answerMargin,
        @DefaultValue("0.54") double suggestScore,
        @DefaultValue("0.6") double phrasingWeight,
        @DefaultValue("0.25") double passageWeight,
        @DefaultValue("0.1") double lexicalWeight,
        @DefaultValue("0.05") double answerLexicalWeight,
        @DefaultValue("20") int candidates,
        @DefaultValue("5") int maxHits,
        @DefaultValue("300") int maxQueryLength,
        @DefaultValue("20000") int cachedEntries,
        @DefaultValue("8") int textSearchThreads) {
}
