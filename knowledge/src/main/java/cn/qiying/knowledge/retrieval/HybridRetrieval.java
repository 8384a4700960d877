package cn.qiying.knowledge.retrieval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.embedding.EmbeddingConfiguration;
import cn.qiying.knowledge.embedding.TextEmbedder;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.platform.time.ClockConfiguration;
import org.json.JSONArray;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;
import redis.clients.jedis.search.Document;
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

    private final UnifiedJedis jedis;
    private final TextEmbedder embedder;
    private final KnowledgeProperties properties;
    private final Clock clock;

    HybridRetrieval(UnifiedJedis jedis, TextEmbedder embedder,
            KnowledgeProperties properties, Clock clock) {
        this.jedis = jedis;
        this.embedder = embedder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Candidates ranked by fused score, best first. */
    List<Candidate> retrieve(String question, String category) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        if (text.isEmpty()) {
            return List.of();
        }
        float[] query = embedder.query(text);
        String filter = filter(category);
        List<String> byVector = vectorRanking(query, filter, properties.candidates());
        Map<String, Double> byText = scoredTextRanking(text, filter, properties.candidates());
        return fuse(query, byVector, byText);
    }

    /** Entry ids by KNN on the entries' mean vectors, nearest first. */
    List<String> vectorRanking(String question, String category, int k) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        return text.isEmpty() ? List.of() : vectorRanking(embedder.query(text), filter(category), k);
    }

    /** Entry ids by BM25 over question, similar questions and answer, best first. */
    List<String> textRanking(String question, String category, int k) {
        String text = QueryText.normalise(question, properties.maxQueryLength());
        return text.isEmpty() ? List.of() : new ArrayList<>(scoredTextRanking(text, filter(category), k).keySet());
    }

    private List<String> vectorRanking(float[] query, String filter, int k) {
        FTSearchParams params = FTSearchParams.searchParams()
                .addParam("vec", VectorCodec.bytes(query))
                .sortBy("dist", redis.clients.jedis.args.SortingOrder.ASC)
                .returnFields("dist")
                .limit(0, k)
                .dialect(2);
        String q = "(" + filter + ")=>[KNN " + k + " @vector $vec AS dist]";
        List<String> ids = new ArrayList<>();
        for (Document d : jedis.ftSearch(KnowledgeEntry.INDEX, q, params).getDocuments()) {
            ids.add(idOf(d));
        }
        return ids;
    }

    /** Entry id to full-text score normalised to the best (1.0), best first. */
    private Map<String, Double> scoredTextRanking(String text, String filter, int k) {
        Set<String> tokens = tokens(text);
        Map<String, Double> ranked = new LinkedHashMap<>();
        if (tokens.isEmpty()) {
            return ranked;
        }
        String terms = String.join("|", tokens.stream().map(QueryText::term).toList());
        FTSearchParams params = FTSearchParams.searchParams().noContent().withScores().scorer("BM25")
                .limit(0, k).dialect(2);
        List<Document> docs = jedis.ftSearch(KnowledgeEntry.INDEX, filter + " " + TEXT_FIELDS + "(" + terms + ")", params)
                .getDocuments();
        double best = docs.isEmpty() ? 1 : Math.max(docs.get(0).getScore(), 1e-9);
        for (Document d : docs) {
            ranked.put(idOf(d), d.getScore() / best);
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
            if (t.isEmpty() || t.contains("{") || t.contains("}") || t.startsWith("<") || t.contains(" ")) {
                continue;
            }
            tokens.add(t);
        }
        return tokens;
    }

    private List<Candidate> fuse(float[] query, List<String> byVector, Map<String, Double> byText) {
        Set<String> ids = new LinkedHashSet<>(byVector);
        ids.addAll(byText.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> textOrder = new ArrayList<>(byText.keySet());
        String textFirst = textOrder.isEmpty() ? null : textOrder.get(0);
        String vectorFirst = byVector.isEmpty() ? null : byVector.get(0);
        List<String> idList = new ArrayList<>(ids);
        // only the phrasing vectors (Base64 strings), in one round trip: parsing whole documents was the slow part
        List<JSONArray> vectors = jedis.jsonMGet(Path2.of("$.phrasingVectors"),
                idList.stream().map(id -> KEY_PREFIX + id).toArray(String[]::new));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < idList.size(); i++) {
            JSONArray found = vectors.get(i);
            if (found == null || found.isEmpty() || found.isNull(0)) {
                continue;
            }
            String id = idList.get(i);
            double dense = bestPhrasing(query, found.getString(0));
            double text = byText.getOrDefault(id, 0.0);
            double score = dense + properties.textWeight() * text;
            if (id.equals(textFirst) && id.equals(vectorFirst)) {
                score += properties.agreementBonus();
            }
            candidates.add(new Candidate(id, dense, byVector.indexOf(id) + 1, textOrder.indexOf(id) + 1, text, score));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }

    private static double bestPhrasing(float[] query, String encoded) {
        double best = 0;
        for (float[] v : VectorCodec.decodeAll(encoded, EmbeddingConfiguration.DIMENSIONS)) {
            best = Math.max(best, TextEmbedder.cosine(query, v));
        }
        return best;
    }

    private String filter(String category) {
        long today = LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI)).toEpochDay();
        String filter = "@state:{" + KnowledgeEntry.LIVE + "} @validFromDay:[-inf " + today + "] @validToDay:[" + today
                + " +inf]";
        if (category != null && !category.isBlank()) {
            filter += " @category:{" + QueryText.tag(category.strip()) + "}";
        }
        return filter;
    }

    private static String idOf(Document d) {
        String key = d.getId();
        return key.startsWith(KEY_PREFIX) ? key.substring(KEY_PREFIX.length()) : key;
    }
}
