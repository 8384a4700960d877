package cn.qiying.knowledge.retrieval;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Thresholds;

/** Answer, suggest or decline from the ranked candidates, with the thresholds the base's self-calibration fitted. */
@Component
class AnswerDecision {

    private final SelfCalibration calibration;

    AnswerDecision(SelfCalibration calibration) {
        this.calibration = calibration;
    }

    Thresholds thresholds() {
        return calibration.thresholds();
    }

    Decision decide(List<Candidate> ranked) {
        return decide(ranked, thresholds());
    }

    static Decision decide(List<Candidate> ranked, Thresholds t) {
        if (ranked.isEmpty()) {
            return Decision.NONE;
        }
        Candidate top = ranked.get(0);
        double margin = ranked.size() > 1 ? top.score() - ranked.get(1).score() : top.score();
        if (top.score() >= t.answerScore() && margin >= t.answerMargin()) {
            return Decision.ANSWER;
        }
        if (top.score() >= t.suggestScore()) {
            return Decision.SUGGEST;
        }
        return Decision.NONE;
    }
}
