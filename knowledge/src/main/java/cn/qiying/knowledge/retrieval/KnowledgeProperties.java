package cn.qiying.knowledge.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval and decision settings ({@code qiying.knowledge.*}). The decision's defaults were fitted on the calibration
 * half of the evaluation set (knowledge/src/test/resources/eval/queries.jsonl, every other query of each kind, against
 * the 155 demo entries) and judged on the other, held-out half: {@code mvn -pl knowledge test -Peval} refits them and
 * writes both halves' figures to target/reports/eval-knowledge.md (and the signals to eval-signals.tsv). Held out,
 * 0.63 / 0.09 / 0.63 answered 79.1% of in-scope queries rightly and 0.6% wrongly, was helpful for 97.5% and declined
 * 90.0% of out-of-scope queries. Recalibrate on your own queries when the knowledge base grows.
 *
 * @param answerScore     fused score of the top entry at or above which the bot may answer outright
 * @param answerMargin    how far the top entry must lead the runner-up to answer outright
 * @param suggestScore    fused score at or above which the top questions are offered as numbered choices
 * @param textWeight      weight of the normalised full-text (BM25) score added to the best-phrasing cosine
 * @param agreementBonus  added when the full-text ranking's first entry is the vector ranking's first entry
 * @param candidates      how many entries each ranking (KNN, full text) contributes before re-ranking
 * @param maxHits         hits returned with a decision
 * @param maxQueryLength  characters of user text used; the rest is ignored
 * @param cachedEntries   entries whose phrasing vectors and hit texts are kept in memory (about 2 KB per phrasing)
 * @param textSearchThreads threads running searches' full-text half alongside the query's embedding
 */
@ConfigurationProperties("qiying.knowledge")
public record KnowledgeProperties(
        @DefaultValue("0.63") double answerScore,
        @DefaultValue("0.09") double answerMargin,
        @DefaultValue("0.63") double suggestScore,
        @DefaultValue("0.05") double textWeight,
        @DefaultValue("0.02") double agreementBonus,
        @DefaultValue("20") int candidates,
        @DefaultValue("5") int maxHits,
        @DefaultValue("300") int maxQueryLength,
        @DefaultValue("20000") int cachedEntries,
        @DefaultValue("8") int textSearchThreads) {
}
