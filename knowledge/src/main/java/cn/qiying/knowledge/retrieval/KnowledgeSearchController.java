package cn.qiying.knowledge.retrieval;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Calibration;
import cn.qiying.knowledge.KnowledgeCalibration;
import cn.qiying.knowledge.Thresholds;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.system.KnowledgeProblem;
import cn.qiying.knowledge.system.Staff;

/** Staff: what the bot would do with a question — its decision and the ranked entries with their scores. */
@RestController
class KnowledgeSearchController {

    private final HybridKnowledgeSearch search;
    private final KnowledgeCalibration calibration;
    private final MessageSource messages;

    KnowledgeSearchController(HybridKnowledgeSearch search, KnowledgeCalibration calibration, MessageSource messages) {
        this.search = search;
        this.calibration = calibration;
        this.messages = messages;
    }

    /** The decision, the ranked entries, and the thresholds it was taken with (fitted by the base's calibration). */
    record SearchResponse(Decision decision, List<Hit> results, Thresholds thresholds, Calibration.SelfMeasured measured) {
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
