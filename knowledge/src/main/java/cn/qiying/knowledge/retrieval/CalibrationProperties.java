package cn.qiying.knowledge.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-calibration settings ({@code qiying.knowledge.calibration.*}).
 *
 * @param enabled    whether the base measures itself after each change (off: the configured thresholds serve)
 * @param wrongRate  the share of wrong answers the fitted answer line allows, in traffic where {@code nullShare} of
 *                   the questions have no answer in the base
 * @param declined   the share of the questions without an answer that the fitted suggest line declines
 * @param nullShare  the expected share of questions the base cannot answer
 * @param maxEntries entries whose questions are asked (a larger base is sampled)
 * @param minPositives similar questions a base needs before its fitted thresholds are used (a handful of entries
 *                   says too little: the configured thresholds stay, the figures are still shown)
 */
@ConfigurationProperties("qiying.knowledge.calibration")
public record CalibrationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.03") double wrongRate,
        @DefaultValue("0.85") double declined,
        @DefaultValue("0.2") double nullShare,
        @DefaultValue("300") int maxEntries,
        @DefaultValue("40") int minPositives) {
}
