package cn.qiying.knowledge.curation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The curation queue ({@code qiying.knowledge.curation.*}).
 *
 * @param similarity cosine of two questions' bge vectors from which they count as one group
 * @param maxQuestions distinct questions kept (a new one beyond them is counted in the weekly figures only)
 * @param weeks      weeks of answer figures kept and shown
 */
@ConfigurationProperties("qiying.knowledge.curation")
record CurationProperties(
        @DefaultValue("0.80") double similarity,
        @DefaultValue("5000") int maxQuestions,
        @DefaultValue("12") int weeks) {
}
