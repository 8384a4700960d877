package cn.qiying.knowledge.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.embedding.TextEmbedder;
import cn.qiying.knowledge.embedding.VectorCodec;

/** Makes storable entries from checked drafts: embeds every phrasing (one model call per batch) and derives the index fields. */
@Component
public class EntryEmbedding {

    private final TextEmbedder embedder;
    private final Clock clock;

    public EntryEmbedding(TextEmbedder embedder, Clock clock) {
        this.embedder = embedder;
        this.clock = clock;
    }

    public List<KnowledgeEntry> embed(List<EntryDraft> drafts, String updatedBy, String state, String importId) {
        List<String> texts = new ArrayList<>();
        List<String> passages = new ArrayList<>();
        for (EntryDraft d : drafts) {
            texts.addAll(d.phrasings());
            passages.add(passage(d));
        }
        List<float[]> vectors = embedder.passages(texts);
        // apart from the short phrasings: a batch is padded to its longest text
        List<float[]> passageVectors = embedder.passages(passages);
        Instant now = clock.instant();
        List<KnowledgeEntry> entries = new ArrayList<>(drafts.size());
        int next = 0;
        for (EntryDraft d : drafts) {
            int n = d.phrasings().size();
            List<float[]> own = vectors.subList(next, next + n);
            next += n;
            entries.add(entry(d, own, passageVectors.get(entries.size()), updatedBy, state, importId, now));
        }
        return entries;
    }

    /** Characters of question and answer read as one passage: the gist, at about half the cost of a whole answer. */
    static final int PASSAGE_LENGTH = 160;

    /** What the entry says as one passage (question and answer): what bge matches a user's description of a situation to. */
    static String passage(EntryDraft d) {
        String passage = d.question() + "\n" + d.answer();
        return passage.length() > PASSAGE_LENGTH ? passage.substring(0, PASSAGE_LENGTH) : passage;
    }

    private static KnowledgeEntry entry(EntryDraft d, List<float[]> vectors, float[] passage, String updatedBy, String state,
            String importId, Instant now) {
        KnowledgeEntry e = new KnowledgeEntry();
        e.setId(d.id());
        e.setQuestion(d.question());
        e.setSimilarQuestions(d.similarQuestions());
        e.setSimilarText(d.similarQuestions().isEmpty() ? null : String.join("；", d.similarQuestions()));
        e.setAnswer(d.answer());
        e.setCategory(d.category());
        e.setDepartment(d.department());
        e.setTags(d.tags());
        e.setSourceUrl(d.sourceUrl());
        e.setValidFrom(d.validFrom());
        e.setValidTo(d.validTo());
        e.setValidFromDay(d.validFrom() == null ? KnowledgeEntry.OPEN_START : d.validFrom().toEpochDay());
        e.setValidToDay(d.validTo() == null ? KnowledgeEntry.OPEN_END : d.validTo().toEpochDay());
        e.setState(state);
        e.setImportId(importId);
        e.setUpdatedAt(now);
        e.setUpdatedBy(updatedBy);
        e.setVector(TextEmbedder.centroid(vectors));
        e.setPhrasingVectors(VectorCodec.encodeAll(vectors));
        e.setPassageVector(VectorCodec.encodeAll(List.of(passage)));
        e.setRevision(revision(e));
        return e;
    }

    /** A digest of what a search reads from the entry (its texts and vectors). */
    public static String revision(KnowledgeEntry e) {
        String content = String.join("\u0000", String.valueOf(e.getQuestion()), String.valueOf(e.getAnswer()),
                String.valueOf(e.getCategory()), String.valueOf(e.getDepartment()), String.valueOf(e.getSourceUrl()),
                String.valueOf(e.getPhrasingVectors()),
                String.valueOf(e.getPassageVector()), String.valueOf(e.getSimilarQuestions()));
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static EntryDraft draftOf(KnowledgeEntry e) {
        return new EntryDraft(e.getId(), e.getQuestion(), e.getSimilarQuestions(), e.getAnswer(), e.getCategory(),
                e.getDepartment(), e.getTags(), e.getSourceUrl(), e.getValidFrom(), e.getValidTo());
    }
}
