package cn.qiying.knowledge.retrieval;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Asked;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;

/** The knowledge base as the dialog sees it: hybrid retrieval, then the calibrated decision. */
@Service
class HybridKnowledgeSearch implements KnowledgeSearch {

    private static final Logger log = LoggerFactory.getLogger(HybridKnowledgeSearch.class);

    private final HybridRetrieval retrieval;
    private final AnswerDecision decision;
    private final KnowledgeProperties properties;
    private final ApplicationEventPublisher events;

    HybridKnowledgeSearch(HybridRetrieval retrieval, AnswerDecision decision, KnowledgeProperties properties,
            ApplicationEventPublisher events) {
        this.retrieval = retrieval;
        this.decision = decision;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void feedback(String question, String entryId, boolean useful) {
        if (question != null && !question.isBlank()) {
            publish(new Asked(question, null, entryId, useful));
        }
    }

    private void publish(Asked asked) {
        try {
            events.publishEvent(asked);
        } catch (RuntimeException e) {
            // the curation queue is a help for staff, never a reason to fail the user's question
            log.warn("knowledge curation not recorded: {}", e.toString());
        }
    }

    @Override
    public Answer ask(String question, String category) {
        Answer answer = preview(question, category);
        if (question != null && !question.isBlank()) {
            publish(new Asked(question, answer.decision(),
                    answer.decision() == Decision.ANSWER ? answer.best().id() : null, null));
        }
        return answer;
    }

    /** What the bot would answer, without counting the question as a user's (staff trying the base). */
    Answer preview(String question, String category) {
        List<Candidate> ranked;
        try {
            ranked = retrieval.retrieve(question, category);
        } catch (RuntimeException e) {
            // a question must never break the conversation: without retrieval the bot offers a human
            log.warn("knowledge retrieval failed: {}", e.toString());
            return new Answer(Decision.NONE, List.of());
        }
        Decision d = decision.decide(ranked);
        List<Hit> hits = ranked.stream().limit(properties.maxHits()).map(HybridKnowledgeSearch::hit).toList();
        return new Answer(d, hits);
    }

    private static Hit hit(Candidate c) {
        EntrySnapshot e = c.entry();
        return new Hit(c.id(), e.question(), e.answer(), e.category(), e.department(), e.sourceUrl(),
                Math.round(c.score() * 10_000) / 10_000.0);
    }
}
