package cn.qiying.knowledge.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval and decision settings ({@code qiying.knowledge.*}). The defaults were calibrated on the evaluation set
 * (knowledge/src/test/resources/eval/queries.jsonl: 297 in-scope and 57 out-of-scope queries against the 155 demo
 * entries; {@code mvn -pl knowledge test -Peval} writes target/reports/eval-knowledge.md and eval-signals.tsv). With
 * 0.68 / 0.02 / 0.62: 83.8% of in-scope queries answered rightly, 2.7% answered wrongly, 87.7% of out-of-scope
 * declined (in-sample figures: recalibrate on your own queries when the knowledge base grows).
 *
 * @param answerScore     fused score of the top entry at or above which the bot may answer outright
 * @param answerMargin    how far the top entry must lead the runner-up to answer outright
 * @param suggestScore    fused score at or above which the top questions are offered as numbered choices
 * @param textWeight      weight of the normalised full-text (BM25) score added to the best-phrasing cosine
 * @param agreementBonus  added when the full-text ranking's first entry is the vector ranking's first entry
 * @param candidates      how many entries each ranking (KNN, full text) contributes before re-ranking
 * @param maxHits         hits returned with a decision
 * @param maxQueryLength  characters of user text used; the rest is ignored
 */
@ConfigurationProperties("qiying.knowledge")
public record KnowledgeProperties(
        @DefaultValue("0.68") double answerScore,
        @DefaultValue("0.02") double answerMargin,
        @DefaultValue("0.62") double suggestScore,
        @DefaultValue("0.05") double textWeight,
        @DefaultValue("0.02") double agreementBonus,
        @DefaultValue("20") int candidates,
        @DefaultValue("5") int maxHits,
        @DefaultValue("300") int maxQueryLength) {
}
