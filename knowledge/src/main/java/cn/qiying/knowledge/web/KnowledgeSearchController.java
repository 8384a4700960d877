package cn.qiying.knowledge.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;

/** Staff: what the bot would do with a question — its decision and the ranked entries with their scores. */
@RestController
class KnowledgeSearchController {

    private final KnowledgeSearch search;
    private final MessageSource messages;

    KnowledgeSearchController(KnowledgeSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    record SearchResponse(Decision decision, List<Hit> results) {
    }

    @GetMapping("/api/knowledge/search")
    SearchResponse search(@RequestParam(required = false) String q, @RequestParam(required = false) String category) {
        if (q == null || q.isBlank()) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.search.query-missing", List.of());
        }
        Answer answer = search.ask(q, category);
        return new SearchResponse(answer.decision(), answer.hits());
    }
}
