package cn.qiying.knowledge;

/**
 * Where the decision draws its lines: answer when the top entry scores at least {@code answerScore} and leads the
 * runner-up by {@code answerMargin}; offer numbered choices from {@code suggestScore}; otherwise decline.
 *
 * @param fitted whether the base's self-calibration set them (false: the configured defaults, before it ran)
 */
public record Thresholds(double answerScore, double answerMargin, double suggestScore, boolean fitted) {
}
