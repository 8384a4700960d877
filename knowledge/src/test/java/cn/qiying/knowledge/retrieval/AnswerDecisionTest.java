package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.qiying.knowledge.Decision;

class AnswerDecisionTest {

    final KnowledgeProperties thresholds = new KnowledgeProperties(0.80, 0.04, 0.62, 0.05, 0.02, 20, 5, 300, 100, 1);
    final AnswerDecision decision = new AnswerDecision(thresholds);

    @Test
    void aConfidentClearLeaderIsAnswered() {
        assertThat(decision.decide(ranked(0.86, 0.70))).isEqualTo(Decision.ANSWER);
        assertThat(decision.decide(ranked(0.80))).isEqualTo(Decision.ANSWER);
    }

    @Test
    void twoCloseCandidatesAreOfferedAsChoices() {
        assertThat(decision.decide(ranked(0.86, 0.84))).isEqualTo(Decision.SUGGEST);
    }

    @Test
    void aMiddlingScoreIsOfferedAsChoices() {
        assertThat(decision.decide(ranked(0.79, 0.50))).isEqualTo(Decision.SUGGEST);
        assertThat(decision.decide(ranked(0.62))).isEqualTo(Decision.SUGGEST);
    }

    @Test
    void aWeakMatchOrNothingIsDeclined() {
        assertThat(decision.decide(ranked(0.61, 0.40))).isEqualTo(Decision.NONE);
        assertThat(decision.decide(List.of())).isEqualTo(Decision.NONE);
    }

    private static List<Candidate> ranked(double... scores) {
        return java.util.Arrays.stream(scores).mapToObj(s -> new Candidate("kb-" + s, s, 1, 1, 0, s, null)).toList();
    }
}
