package cn.qiying.knowledge.curation;

import java.security.Principal;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.EntryView;
import cn.qiying.knowledge.entry.KnowledgeEntries;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.system.KnowledgeProblem;
import cn.qiying.knowledge.system.Staff;

/**
 * Staff: the questions the base could not answer, in groups ({@code GET /api/knowledge/curation}), turned into a new
 * entry ({@code POST …/{group}/entry} with the answer) or into similar questions of an entry ({@code POST
 * …/{group}/similar} with {@code entryId}), or dismissed; and the instant-answer rate by week ({@code GET
 * /api/knowledge/curation/weeks}).
 */
@RestController
@RequestMapping("/api/knowledge/curation")
class CurationController {

    private final CurationQueue queue;
    private final KnowledgeEntries entries;
    private final MessageSource messages;

    CurationController(CurationQueue queue, KnowledgeEntries entries, MessageSource messages) {
        this.queue = queue;
        this.entries = entries;
        this.messages = messages;
    }

    /** What a new entry made from a group says; its question defaults to the group's most asked one. */
    record NewEntry(String id, String question, List<String> similarQuestions, String answer, String category,
            String department, List<String> tags, String sourceUrl) {
    }

    record Target(String entryId) {
    }

    @GetMapping
    List<CurationQueue.Group> groups() {
        return queue.groups();
    }

    @GetMapping("/weeks")
    List<CurationQueue.Week> weeks() {
        return queue.weeks();
    }

    @PostMapping("/{group}/entry")
    ResponseEntity<EntryView> entry(@PathVariable String group, @RequestBody NewEntry body, Principal staff) {
        CurationQueue.Group g = group(group);
        String question = body.question() == null || body.question().isBlank() ? g.questions().get(0).text()
                : body.question();
        EntryDraft draft = new EntryDraft(body.id(), question, body.similarQuestions(), body.answer(), body.category(),
                body.department(), body.tags(), body.sourceUrl(), null, null);
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.entry.invalid", problems);
        }
        KnowledgeEntry saved = queue.toEntry(g, draft, Staff.name(staff));
        return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(saved));
    }

    @PostMapping("/{group}/similar")
    EntryView similar(@PathVariable String group, @RequestBody Target body, Principal staff) {
        CurationQueue.Group g = group(group);
        KnowledgeEntry entry = (body.entryId() == null ? java.util.Optional.<KnowledgeEntry>empty()
                : entries.find(body.entryId())).orElseThrow(() -> new KnowledgeProblem(HttpStatus.NOT_FOUND, messages,
                        "knowledge.entry.not-found", List.of()));
        return EntryView.of(queue.toSimilarQuestions(g, entry, Staff.name(staff)));
    }

    @DeleteMapping("/{group}")
    ResponseEntity<Void> dismiss(@PathVariable String group) {
        queue.dismiss(group(group));
        return ResponseEntity.noContent().build();
    }

    private CurationQueue.Group group(String id) {
        return queue.group(id).orElseThrow(() -> new KnowledgeProblem(HttpStatus.NOT_FOUND, messages,
                "knowledge.curation.group-not-found", List.of()));
    }
}
