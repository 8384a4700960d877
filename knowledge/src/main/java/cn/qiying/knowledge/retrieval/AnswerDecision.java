package cn.qiying.knowledge.retrieval;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.Decision;

/** Answer, suggest or decline from the ranked candidates' signals, with thresholds from {@link KnowledgeProperties}. */
@Component
class AnswerDecision {

    private final KnowledgeProperties properties;

    AnswerDecision(KnowledgeProperties properties) {
        this.properties = properties;
    }

    KnowledgeProperties properties() {
        return properties;
    }

    Decision decide(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return Decision.NONE;
        }
        Candidate top = ranked.get(0);
        double margin = ranked.size() > 1 ? top.score() - ranked.get(1).score() : top.score();
        if (top.score() >= properties.answerScore() && margin >= properties.answerMargin()) {
            return Decision.ANSWER;
        }
        if (top.score() >= properties.suggestScore()) {
            return Decision.SUGGEST;
        }
        return Decision.NONE;
    }
}
