package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.json.JSONObject;
import org.springframework.stereotype.Component;

import cn.qiying.knowledge.embedding.EmbeddingConfiguration;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;

/**
 * Entries' snapshots by id and revision, kept in memory (LRU): fetching and decoding every candidate's phrasing vectors
 * on each search cost more than the search itself. The searches return each hit's revision, so an entry rewritten by
 * any instance is read again; an entry without a revision is always read.
 */
@Component
class EntrySnapshots {

    private static final String KEY_PREFIX = KnowledgeEntry.PREFIX + ":";
    private static final Path2[] PATHS = {Path2.of("$.question"), Path2.of("$.answer"), Path2.of("$.category"),
            Path2.of("$.department"), Path2.of("$.sourceUrl"), Path2.of("$.phrasingVectors"), Path2.of("$.revision"),
            Path2.of("$.similarQuestions"), Path2.of("$.passageVector")};

    private final UnifiedJedis jedis;
    private final QueryText query;
    private final Map<String, EntrySnapshot> cache;

    EntrySnapshots(UnifiedJedis jedis, KnowledgeProperties properties, QueryText query) {
        this.jedis = jedis;
        this.query = query;
        int capacity = properties.cachedEntries();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EntrySnapshot> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Snapshots of the entries (id to the revision the search saw, null when unknown); absent ids are left out. */
    Map<String, EntrySnapshot> of(Map<String, String> revisions) {
        Map<String, EntrySnapshot> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        revisions.forEach((id, revision) -> {
            EntrySnapshot s = revision == null ? null : cache.get(id);
            if (s != null && revision.equals(s.revision())) {
                found.put(id, s);
            } else {
                missing.add(id);
            }
        });
        if (missing.isEmpty()) {
            return found;
        }
        List<Response<Object>> responses = new ArrayList<>(missing.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String id : missing) {
                responses.add(pipeline.jsonGet(KEY_PREFIX + id, PATHS));
            }
            pipeline.sync();
        }
        for (int i = 0; i < missing.size(); i++) {
            Object raw = responses.get(i).get();
            if (raw == null) {
                continue;
            }
            EntrySnapshot s = snapshot(missing.get(i), new JSONObject(raw.toString()));
            if (s != null) {
                found.put(s.id(), s);
                if (s.revision() != null) {
                    cache.put(s.id(), s);
                }
            }
        }
        return found;
    }

    private EntrySnapshot snapshot(String id, JSONObject paths) {
        String vectors = first(paths, "$.phrasingVectors");
        if (vectors == null) {
            return null;
        }
        List<float[]> phrasings = VectorCodec.decodeAll(vectors, EmbeddingConfiguration.DIMENSIONS);
        String question = first(paths, "$.question");
        List<String> texts = new ArrayList<>();
        texts.add(question);
        EntryPaths.texts(paths, "$.similarQuestions").stream().filter(q -> !texts.contains(q)).forEach(texts::add);
        List<Set<String>> grams = new ArrayList<>();
        for (String t : texts) {
            grams.add(BaseLexicon.grams(query.normalised(t)));
        }
        List<float[]> passage = VectorCodec.decodeAll(first(paths, "$.passageVector"), EmbeddingConfiguration.DIMENSIONS);
        String answer = first(paths, "$.answer");
        return new EntrySnapshot(id, first(paths, "$.revision"), texts, phrasings, grams,
                passage.isEmpty() ? null : passage.get(0), BaseLexicon.grams(query.normalised(answer)), question,
                answer, first(paths, "$.category"), first(paths, "$.department"), first(paths, "$.sourceUrl"));
    }

    private static String first(JSONObject paths, String path) {
        return EntryPaths.first(paths, path);
    }
}
