package cn.qiying.knowledge.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import redis.clients.jedis.UnifiedJedis;

/** Turns texts into unit vectors: entries' phrasings as they are, users' queries with bge's retrieval prefix. */
@Component
public class TextEmbedder {

    /** bge-small-zh-v1.5's instruction for short queries against longer passages (model data); never put on the entries. */
    static final String QUERY_PREFIX = instruction();
    private static final int CACHE_SIZE = 4096;

    private final EmbeddingModel model;
    private final SharedQueryVectors shared;
    // users repeat the same short questions; a small LRU in front of Redis's shared vectors saves the model run
    private final Map<String, float[]> queryCache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    private static String instruction() {
        try (var in = new ClassPathResource("knowledge/bge-query-instruction.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TextEmbedder(EmbeddingModel model, EmbeddingProperties properties, ObjectProvider<UnifiedJedis> redis) {
        this.model = model;
        UnifiedJedis jedis = properties.sharedCache() ? redis.getIfAvailable() : null;
        String modelId = model instanceof BatchedEmbeddingModel batched ? batched.model().id() : model.getClass().getSimpleName();
        this.shared = jedis == null ? null : new SharedQueryVectors(jedis, modelId, properties.sharedCacheTtl());
    }

    public float[] query(String text) {
        float[] cached = queryCache.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = shared == null ? null : shared.find(text);
        if (vector == null) {
            vector = unit(model.embed(QUERY_PREFIX + text).content().vector());
            if (shared != null) {
                shared.offer(text, vector);
            }
        }
        queryCache.put(text, vector);
        return vector;
    }

    public List<float[]> passages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            vectors.add(unit(e.vector()));
        }
        return vectors;
    }

    public static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The normalised mean: one vector standing for several phrasings of the same question. */
    public static float[] centroid(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return unit(sum);
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v.clone();
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }
}
