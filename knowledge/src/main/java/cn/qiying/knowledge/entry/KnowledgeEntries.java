package cn.qiying.knowledge.entry;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Staff's single-entry work: write (embedding it), read, list and delete entries. */
@Service
public class KnowledgeEntries {

    private final KnowledgeEntryRepository repository;
    private final EntryEmbedding embedding;

    public KnowledgeEntries(KnowledgeEntryRepository repository, EntryEmbedding embedding) {
        this.repository = repository;
        this.embedding = embedding;
    }

    /** Stores the draft (replacing an entry with its id), live at once; the caller has checked {@link EntryDraft#problems()}. */
    public KnowledgeEntry save(EntryDraft draft, String updatedBy) {
        KnowledgeEntry entry = embedding.embed(List.of(draft), updatedBy, KnowledgeEntry.LIVE, null).get(0);
        return repository.save(entry);
    }

    public Optional<KnowledgeEntry> find(String id) {
        return repository.findById(id);
    }

    public boolean delete(String id) {
        if (!repository.existsById(id)) {
            return false;
        }
        repository.deleteById(id);
        return true;
    }

    public long count() {
        return repository.count();
    }
}
