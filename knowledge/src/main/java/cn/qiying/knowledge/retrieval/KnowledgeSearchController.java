package cn.qiying.knowledge.retrieval;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Calibration;
import cn.qiying.knowledge.KnowledgeCalibration;
import cn.qiying.knowledge.Thresholds;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.system.KnowledgeProblem;

/** Staff: what the bot would do with a question — its decision and the ranked entries with their scores. */
@RestController
class KnowledgeSearchController {

    private final HybridKnowledgeSearch search;
    private final KnowledgeCalibration calibration;
    private final OperatorSynonyms synonyms;
    private final MessageSource messages;

    KnowledgeSearchController(HybridKnowledgeSearch search, KnowledgeCalibration calibration,
            OperatorSynonyms synonyms, MessageSource messages) {
        this.search = search;
        this.calibration = calibration;
        this.synonyms = synonyms;
        this.messages = messages;
    }

    /** The decision, the ranked entries, and the thresholds it was taken with (fitted by the base's calibration). */
    record SearchResponse(Decision decision, List<Hit> results, Thresholds thresholds, Calibration.SelfMeasured measured) {
    }

    /** The operator's synonyms (empty by default): a user's word to the base's words. */
    @GetMapping("/api/knowledge/synonyms")
    Map<String, String> synonyms() {
        return synonyms.all();
    }

    /** Replaces the operator's synonyms; the base then reads itself again and re-calibrates. */
    @PutMapping("/api/knowledge/synonyms")
    Map<String, String> replaceSynonyms(@RequestBody(required = false) Map<String, String> body) {
        Map<String, String> given = body == null ? Map.of() : body;
        List<String> problems = OperatorSynonyms.problems(given);
        if (!problems.isEmpty()) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.synonyms.rejected", problems);
        }
        synonyms.replace(given);
        return synonyms.all();
    }

    /** How the base measured itself: state and progress of the last run, fitted thresholds, self-measured figures. */
    @GetMapping("/api/knowledge/calibration")
    Calibration calibration() {
        return calibration.current();
    }

    @GetMapping("/api/knowledge/search")
    SearchResponse search(@RequestParam(required = false) String q, @RequestParam(required = false) String category) {
        if (q == null || q.isBlank()) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.search.query-missing", List.of());
        }
        Calibration now = calibration.current();
        Answer answer = search.preview(q, category);
        return new SearchResponse(answer.decision(), answer.hits(), now.thresholds(), now.measured());
    }
}
