package cn.qiying.knowledge.retrieval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.qiying.knowledge.embedding.TextEmbedder;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.platform.search.QuerySyntax;
import cn.qiying.platform.time.ClockConfiguration;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.search.Document;
import redis.clients.jedis.search.FieldName;
import redis.clients.jedis.search.FTSearchParams;
import redis.clients.jedis.search.Query;

/**
 * Candidates from full text (the engine's Chinese tokenizer, BM25) and vector KNN over the same entry documents,
 * restricted to live entries inside their validity window (and a category when given), then scored in memory on each
 * entry's own phrasings, its passage (question and answer) and the share of the query's rare grams it holds. The query
 * is first read in the base's words ({@link BaseLexicon#rewrite}): initials and homophones of the base's own terms.
 */
@Component
class HybridRetrieval {

    private static final String KEY_PREFIX = KnowledgeEntry.PREFIX + ":";
    private static final String TEXT_FIELDS = "@question|similarText|answer:";
    /** Words more entries than this share hold tell them apart no better than nothing (and slow the full text). */
    private static final double COMMON_WORD = 0.2;
    private static final FieldName REVISION = FieldName.of("$.revision").as("revision");

    /** What a search leaves out: one phrasing of an entry (index in its phrasings), or the whole entry (-1). */
    record Exclusion(String entryId, int phrasing) {
        static final Exclusion NONE = new Exclusion(null, -1);

        boolean entry(String id) {
            return phrasing < 0 && id.equals(entryId);
        }

        boolean phrasing(String id, int index) {
            return index == phrasing && id.equals(entryId);
        }
    }

    private final UnifiedJedis jedis;
    private final TextEmbedder embedder;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final QueryText text;
    private final BaseLexicons lexicons;
    private final EntrySnapshots snapshots;
    private final Executor textPool;

    HybridRetrieval(UnifiedJedis jedis, TextEmbedder embedder, KnowledgeProperties properties, Clock clock,
            QueryText text, BaseLexicons lexicons, EntrySnapshots snapshots,
            @Qualifier("knowledgeTextSearch") Executor textPool) {
        this.jedis = jedis;
        this.textPool = textPool;
        this.text = text;
        this.lexicons = lexicons;
        this.snapshots = snapshots;
        this.embedder = embedder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Candidates ranked by fused score, best first. */
    List<Candidate> retrieve(String question, String category) {
        return retrieve(question, category, Exclusion.NONE);
    }

    /** Candidates ranked by fused score without what is excluded (the base measuring itself). */
    List<Candidate> retrieve(String question, String category, Exclusion exclusion) {
        BaseLexicon lexicon = lexicons.current();
        String query = query(question, lexicon);
        if (query.isEmpty()) {
            return List.of();
        }
        String filter = filter(category);
        int k = properties.candidates() + (exclusion.entryId() == null ? 0 : 1);
        // the full text (two round trips to Redis) runs while this thread embeds the query
        Map<String, String> textRevisions = new HashMap<>();
        CompletableFuture<List<String>> textSearch = CompletableFuture.supplyAsync(
                () -> textRanking(query, filter, k, textRevisions, lexicon), textPool);
        float[] vector = embedder.query(query);
        Map<String, String> revisions = new HashMap<>();
        List<String> byVector = vectorRanking(vector, filter, k, revisions);
        List<String> byText;
        try {
            byText = textSearch.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        revisions.putAll(textRevisions);
        if (exclusion.entryId() != null && exclusion.phrasing() < 0) {
            revisions.remove(exclusion.entryId());
        }
        return fuse(query, vector, byVector, byText, revisions, lexicon, exclusion);
    }

    /** The user's words as retrieval reads them: normalised, without a "not X," clause, in the base's words. */
    String query(String question) {
        return query(question, lexicons.current());
    }

    private String query(String question, BaseLexicon lexicon) {
        String normalised = text.query(question);
        return normalised.isEmpty() ? normalised : lexicon.rewrite(text.withoutNegatedClause(normalised));
    }

    /** Entry ids by KNN on the entries' mean vectors, nearest first: dense retrieval alone, the user's words as typed. */
    List<String> vectorRanking(String question, String category, int k) {
        String normalised = text.query(question);
        return normalised.isEmpty() ? List.of()
                : vectorRanking(embedder.query(normalised), filter(category), k, new HashMap<>());
    }

    private List<String> vectorRanking(float[] query, String filter, int k, Map<String, String> revisions) {
        FTSearchParams params = FTSearchParams.searchParams()
                .addParam("vec", VectorCodec.bytes(query))
                .sortBy("dist", redis.clients.jedis.args.SortingOrder.ASC)
                .returnFields(FieldName.of("dist"), REVISION)
                .limit(0, k)
                .dialect(2);
        // BATCHES: the filter passes nearly every entry, so walking the HNSW graph beats scoring all vectors
        String q = "(" + filter + ")=>[KNN " + k + " @vector $vec HYBRID_POLICY BATCHES AS dist]";
        List<String> ids = new ArrayList<>();
        for (Document d : jedis.ftSearch(KnowledgeEntry.INDEX, q, params).getDocuments()) {
            ids.add(idOf(d));
            revisions.put(idOf(d), revisionOf(d));
        }
        return ids;
    }

    /** Entry ids by BM25 over question, similar questions and answer, best first. */
    private List<String> textRanking(String query, String filter, int k, Map<String, String> revisions,
            BaseLexicon lexicon) {
        Set<String> tokens = tokens(query, lexicon);
        List<String> ranked = new ArrayList<>();
        if (tokens.isEmpty()) {
            return ranked;
        }
        String terms = String.join("|", tokens.stream().map(QuerySyntax::tag).toList());
        FTSearchParams params = FTSearchParams.searchParams().returnFields(REVISION).scorer("BM25").limit(0, k)
                .dialect(2);
        for (Document d : jedis.ftSearch(KnowledgeEntry.INDEX, filter + " " + TEXT_FIELDS + "(" + terms + ")", params)
                .getDocuments()) {
            ranked.add(idOf(d));
            revisions.put(idOf(d), revisionOf(d));
        }
        return ranked;
    }

    /**
     * The query's words as the engine's Chinese tokenizer splits them (FT.EXPLAINCLI), so they can be OR-ed (the
     * engine would otherwise require every word of a long colloquial question), without the words most entries hold.
     */
    private Set<String> tokens(String query, BaseLexicon lexicon) {
        Set<String> tokens = new LinkedHashSet<>();
        List<String> lines = jedis.ftExplainCLI(KnowledgeEntry.INDEX, new Query(query).dialect(2));
        for (String line : lines) {
            String t = line.strip().replace("(expanded)", "");
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (t.isEmpty() || t.contains("{") || t.contains("}") || t.startsWith("<") || t.contains(" ")
                    || lexicon.share(t) > COMMON_WORD) {
                continue;
            }
            tokens.add(t);
        }
        return tokens;
    }

    private List<Candidate> fuse(String query, float[] vector, List<String> byVector, List<String> byText,
            Map<String, String> revisions, BaseLexicon lexicon, Exclusion exclusion) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        Set<String> grams = BaseLexicon.grams(query);
        Map<String, EntrySnapshot> entries = snapshots.of(revisions);
        List<Candidate> candidates = new ArrayList<>();
        for (String id : revisions.keySet()) {
            EntrySnapshot entry = entries.get(id);
            if (entry == null) {
                continue;
            }
            double dense = 0;
            Set<String> own = new HashSet<>();
            for (int i = 0; i < entry.phrasings().size(); i++) {
                if (!exclusion.phrasing(id, i)) {
                    dense = Math.max(dense, TextEmbedder.cosine(vector, entry.phrasings().get(i)));
                    if (i < entry.phrasingGrams().size()) {
                        own.addAll(entry.phrasingGrams().get(i));
                    }
                }
            }
            double passage = entry.passage() == null ? 0 : TextEmbedder.cosine(vector, entry.passage());
            double lexical = lexicon.coverage(grams, own);
            own.addAll(entry.answerGrams());
            double lexicalAll = lexicon.coverage(grams, own);
            double score = properties.phrasingWeight() * dense + properties.passageWeight() * passage
                    + properties.lexicalWeight() * lexical + properties.answerLexicalWeight() * lexicalAll;
            candidates.add(new Candidate(id, dense, passage, lexical, lexicalAll, byVector.indexOf(id) + 1,
                    byText.indexOf(id) + 1, score, entry));
        }
        // ties (same score) in a fixed order, so a search answers the same way every time
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
        return candidates;
    }

    private String filter(String category) {
        long today = LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI)).toEpochDay();
        String filter = "@state:{" + KnowledgeEntry.LIVE + "} @validFromDay:[-inf " + today + "] @validToDay:[" + today
                + " +inf]";
        if (category != null && !category.isBlank()) {
            filter += " @category:{" + QuerySyntax.tag(category.strip()) + "}";
        }
        return filter;
    }

    private static String revisionOf(Document d) {
        Object value = d.get("revision");
        if (value == null) {
            return null;
        }
        String r = value.toString();
        return r.startsWith("\"") && r.endsWith("\"") && r.length() > 1 ? r.substring(1, r.length() - 1) : r;
    }

    private static String idOf(Document d) {
        String key = d.getId();
        return key.startsWith(KEY_PREFIX) ? key.substring(KEY_PREFIX.length()) : key;
    }
}
