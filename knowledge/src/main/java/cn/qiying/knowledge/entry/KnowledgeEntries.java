package cn.qiying.knowledge.entry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import org.springframework.stereotype.Service;

/** Staff's single-entry work: write (embedding it), read, list and delete entries. */
@Service
public class KnowledgeEntries {

    private final KnowledgeEntryRepository repository;
    private final EntryEmbedding embedding;
    private final BaseVersion version;

    public KnowledgeEntries(KnowledgeEntryRepository repository, EntryEmbedding embedding, BaseVersion version) {
        this.repository = repository;
        this.embedding = embedding;
        this.version = version;
    }

    /** Stores the draft (replacing an entry with its id), live at once; the caller has checked {@link EntryDraft#problems()}. */
    public KnowledgeEntry save(EntryDraft draft, String updatedBy) {
        KnowledgeEntry entry = embedding.embed(List.of(draft), updatedBy, KnowledgeEntry.LIVE, null).get(0);
        KnowledgeEntry saved = repository.save(entry);
        version.changed();
        return saved;
    }

    public Optional<KnowledgeEntry> find(String id) {
        return repository.findById(id);
    }

    public boolean delete(String id) {
        if (!repository.existsById(id)) {
            return false;
        }
        repository.deleteById(id);
        version.changed();
        return true;
    }

    /** One page of entries ordered by id, optionally of one category. */
    public Page<KnowledgeEntry> list(int page, int size, String category) {
        PageRequest request = PageRequest.of(page, size, Sort.by("id"));
        org.springframework.data.domain.Page<KnowledgeEntry> found = category == null || category.isBlank()
                ? repository.findAll(request)
                : repository.findByCategory(category.strip(), request);
        return new Page<>(found.getContent(), page, size, found.getTotalElements());
    }

    public record Page<T>(List<T> items, int page, int size, long total) {

        public <R> Page<R> map(Function<T, R> f) {
            return new Page<>(items.stream().map(f).toList(), page, size, total);
        }
    }

    public long count() {
        return repository.count();
    }
}
