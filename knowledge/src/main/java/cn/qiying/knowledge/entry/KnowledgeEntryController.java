package cn.qiying.knowledge.entry;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.knowledge.system.KnowledgeProblem;
import cn.qiying.knowledge.system.Staff;

/** Staff: read, create, replace and delete single knowledge entries. */
@RestController
@RequestMapping("/api/knowledge/entries")
class KnowledgeEntryController {

    private final KnowledgeEntries entries;
    private final MessageSource messages;

    KnowledgeEntryController(KnowledgeEntries entries, MessageSource messages) {
        this.entries = entries;
        this.messages = messages;
    }

    @GetMapping
    KnowledgeEntries.Page<EntryView> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String category) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page ≥ 0, 1 ≤ size ≤ 200");
        }
        return entries.list(page, size, category).map(EntryView::of);
    }

    @GetMapping("/{id}")
    EntryView one(@PathVariable String id) {
        return entries.find(id).map(EntryView::of).orElseThrow(this::notFound);
    }

    @PostMapping
    ResponseEntity<EntryView> create(@RequestBody EntryView body, Principal staff) {
        EntryView saved = save(body.draft(null), staff);
        return ResponseEntity.created(URI.create("/api/knowledge/entries/" + saved.id())).body(saved);
    }

    @PutMapping("/{id}")
    EntryView replace(@PathVariable String id, @RequestBody EntryView body, Principal staff) {
        if (body.id() != null && !body.id().equals(id)) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.entry.id-mismatch", List.of());
        }
        return save(body.draft(id), staff);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!entries.delete(id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private EntryView save(EntryDraft draft, Principal staff) {
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.entry.invalid", problems);
        }
        return EntryView.of(entries.save(draft, Staff.name(staff)));
    }

    private KnowledgeProblem notFound() {
        return new KnowledgeProblem(HttpStatus.NOT_FOUND, messages, "knowledge.entry.not-found", List.of());
    }
}
