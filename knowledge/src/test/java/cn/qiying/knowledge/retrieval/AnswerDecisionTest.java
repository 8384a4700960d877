package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Thresholds;

class AnswerDecisionTest {

    final Thresholds thresholds = new Thresholds(0.80, 0.04, 0.62, true);

    @Test
    void aConfidentClearLeaderIsAnswered() {
        assertThat(decide(ranked(0.86, 0.70))).isEqualTo(Decision.ANSWER);
        assertThat(decide(ranked(0.80))).isEqualTo(Decision.ANSWER);
    }

    @Test
    void twoCloseCandidatesAreOfferedAsChoices() {
        assertThat(decide(ranked(0.86, 0.84))).isEqualTo(Decision.SUGGEST);
    }

    @Test
    void aMiddlingScoreIsOfferedAsChoices() {
        assertThat(decide(ranked(0.79, 0.50))).isEqualTo(Decision.SUGGEST);
        assertThat(decide(ranked(0.62))).isEqualTo(Decision.SUGGEST);
    }

    @Test
    void aWeakMatchOrNothingIsDeclined() {
        assertThat(decide(ranked(0.61, 0.40))).isEqualTo(Decision.NONE);
        assertThat(decide(List.of())).isEqualTo(Decision.NONE);
    }

    private Decision decide(List<Candidate> ranked) {
        return AnswerDecision.decide(ranked, thresholds);
    }

    private static List<Candidate> ranked(double... scores) {
        return java.util.Arrays.stream(scores).mapToObj(s -> new Candidate("kb-" + s, s, s, 0, 0, 1, 1, s, null)).toList();
    }
}
