package cn.qiying.knowledge.retrieval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Full text (the engine's Chinese tokenizer, BM25) and vector KNN over the same entry documents, restricted to live
 * entries inside their validity window (and a category when given), re-ranked by each entry's best phrasing.
 */
@Component
class HybridRetrieval {

    private static final String KEY_PREFIX = KnowledgeEntry.PREFIX + ":";
    private static final String TEXT_FIELDS = "@question|similarText|answer:";
    /**
     * Words of asking, not of the matter: nearly every entry contains them, so OR-ing them made the full text score
     * most of a large base (7 ms at 40,000 entries) for no change in the ranking.
     */
    private static final Set<String> QUESTION_WORDS = Set.of("怎么", "怎样", "如何", "什么", "哪些", "哪里", "哪个", "多少",
            "多久", "吗", "呢", "吧", "啊", "的", "了", "得", "地", "是", "有", "要", "在", "和", "与", "或", "我", "我们", "你",
            "你们", "他们", "可以", "能", "能不能", "需要", "一下", "请问", "这个", "那个", "这种", "那种", "还", "就", "都",
            "也", "去", "做", "办", "怎么办", "啥", "么");
    private static final FieldName REVISION = FieldName.of("$.revision").as("revision");

    private final UnifiedJedis jedis;
    private final TextEmbedder embedder;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final JargonExpansion jargon;
    private final EntrySnapshots snapshots;
    private final Executor textPool;

    HybridRetrieval(UnifiedJedis jedis, TextEmbedder embedder, KnowledgeProperties properties, Clock clock,
            JargonExpansion jargon, EntrySnapshots snapshots, @Qualifier("knowledgeTextSearch") Executor textPool) {
        this.jedis = jedis;
        this.textPool = textPool;
        this.jargon = jargon;
        this.snapshots = snapshots;
        this.embedder = embedder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Candidates ranked by fused score, best first. */
    List<Candidate> retrieve(String question, String category) {
        String text = query(question);
        if (text.isEmpty()) {
            return List.of();
        }
        String filter = filter(category);
        // the full text (two round trips to Redis) runs while this thread embeds the query
        Map<String, String> textRevisions = new HashMap<>();
        CompletableFuture<Map<String, Double>> textSearch = CompletableFuture.supplyAsync(
                () -> scoredTextRanking(text, filter, properties.candidates(), textRevisions), textPool);
        float[] query = embedder.query(text);
        Map<String, String> revisions = new HashMap<>();
        List<String> byVector = vectorRanking(query, filter, properties.candidates(), revisions);
        Map<String, Double> byText;
        try {
            byText = textSearch.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        revisions.putAll(textRevisions);
        return fuse(query, byVector, byText, revisions);
    }

    /** The user's words as retrieval reads them: escaped, without a "not X," clause, jargon in the base's words. */
    String query(String question) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        return text.isEmpty() ? text : jargon.expand(QueryText.withoutNegatedClause(text));
    }

    /** Entry ids by KNN on the entries' mean vectors, nearest first. */
    List<String> vectorRanking(String question, String category, int k) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        return text.isEmpty() ? List.of() : vectorRanking(embedder.query(text), filter(category), k, new HashMap<>());
    }

    /** Entry ids by BM25 over question, similar questions and answer, best first. */
    List<String> textRanking(String question, String category, int k) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        return text.isEmpty() ? List.of()
                : new ArrayList<>(scoredTextRanking(text, filter(category), k, new HashMap<>()).keySet());
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

    /** Entry id to full-text score normalised to the best (1.0), best first. */
    private Map<String, Double> scoredTextRanking(String text, String filter, int k, Map<String, String> revisions) {
        Set<String> tokens = tokens(text);
        Map<String, Double> ranked = new LinkedHashMap<>();
        if (tokens.isEmpty()) {
            return ranked;
        }
        String terms = String.join("|", tokens.stream().map(QuerySyntax::tag).toList());
        FTSearchParams params = FTSearchParams.searchParams().returnFields(REVISION).withScores().scorer("BM25")
                .limit(0, k).dialect(2);
        List<Document> docs = jedis.ftSearch(KnowledgeEntry.INDEX, filter + " " + TEXT_FIELDS + "(" + terms + ")", params)
                .getDocuments();
        double best = docs.isEmpty() ? 1 : Math.max(docs.get(0).getScore(), 1e-9);
        for (Document d : docs) {
            ranked.put(idOf(d), d.getScore() / best);
            revisions.put(idOf(d), revisionOf(d));
        }
        return ranked;
    }

    /**
     * The query's words as the engine's Chinese tokenizer splits them (FT.EXPLAINCLI), so they can be OR-ed: the
     * engine would otherwise require every word of a long colloquial question.
     */
    private Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        List<String> lines = jedis.ftExplainCLI(KnowledgeEntry.INDEX, new Query(text).dialect(2));
        for (String line : lines) {
            String t = line.strip().replace("(expanded)", "");
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (t.isEmpty() || t.contains("{") || t.contains("}") || t.startsWith("<") || t.contains(" ")
                    || QUESTION_WORDS.contains(t)) {
                continue;
            }
            tokens.add(t);
        }
        return tokens;
    }

    private List<Candidate> fuse(float[] query, List<String> byVector, Map<String, Double> byText,
            Map<String, String> revisions) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        List<String> textOrder = new ArrayList<>(byText.keySet());
        String textFirst = textOrder.isEmpty() ? null : textOrder.get(0);
        String vectorFirst = byVector.isEmpty() ? null : byVector.get(0);
        Map<String, EntrySnapshot> entries = snapshots.of(revisions);
        List<Candidate> candidates = new ArrayList<>();
        for (String id : revisions.keySet()) {
            EntrySnapshot entry = entries.get(id);
            if (entry == null) {
                continue;
            }
            double dense = bestPhrasing(query, entry.phrasings());
            double text = byText.getOrDefault(id, 0.0);
            double score = dense + properties.textWeight() * text;
            if (id.equals(textFirst) && id.equals(vectorFirst)) {
                score += properties.agreementBonus();
            }
            candidates.add(new Candidate(id, dense, byVector.indexOf(id) + 1, textOrder.indexOf(id) + 1, text, score,
                    entry));
        }
        // ties (same score) in a fixed order, so a search answers the same way every time
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
        return candidates;
    }

    private static double bestPhrasing(float[] query, List<float[]> phrasings) {
        double best = 0;
        for (float[] v : phrasings) {
            best = Math.max(best, TextEmbedder.cosine(query, v));
        }
        return best;
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
