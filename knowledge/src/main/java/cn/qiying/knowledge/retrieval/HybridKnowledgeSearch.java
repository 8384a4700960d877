package cn.qiying.knowledge.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;

/** The knowledge base as the dialog sees it: hybrid retrieval, then the calibrated decision. */
@Service
class HybridKnowledgeSearch implements KnowledgeSearch {

    private static final Logger log = LoggerFactory.getLogger(HybridKnowledgeSearch.class);

    private final HybridRetrieval retrieval;
    private final AnswerDecision decision;
    private final KnowledgeProperties properties;
    private final KnowledgeEntryRepository entries;

    HybridKnowledgeSearch(HybridRetrieval retrieval, AnswerDecision decision, KnowledgeProperties properties,
            KnowledgeEntryRepository entries) {
        this.entries = entries;
        this.retrieval = retrieval;
        this.decision = decision;
        this.properties = properties;
    }

    @Override
    public Answer ask(String question, String category) {
        List<Candidate> ranked;
        try {
            ranked = retrieval.retrieve(question, category);
        } catch (RuntimeException e) {
            // a question must never break the conversation: without retrieval the bot offers a human
            log.warn("knowledge retrieval failed: {}", e.toString());
            return new Answer(Decision.NONE, List.of());
        }
        Decision d = decision.decide(ranked);
        List<Candidate> top = ranked.stream().limit(properties.maxHits()).toList();
        Map<String, KnowledgeEntry> byId = new HashMap<>();
        entries.findAllById(top.stream().map(Candidate::id).toList()).forEach(e -> {
            if (e != null) {
                byId.put(e.getId(), e);
            }
        });
        List<Hit> hits = top.stream().filter(c -> byId.containsKey(c.id())).map(c -> hit(c, byId.get(c.id()))).toList();
        return new Answer(d, hits);
    }

    private static Hit hit(Candidate c, KnowledgeEntry e) {
        return new Hit(e.getId(), e.getQuestion(), e.getAnswer(), e.getCategory(), e.getDepartment(), e.getSourceUrl(),
                Math.round(c.score() * 10_000) / 10_000.0);
    }
}
