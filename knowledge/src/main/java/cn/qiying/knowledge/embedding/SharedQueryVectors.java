package cn.qiying.knowledge.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Query vectors shared by every instance through Redis, for questions asked more than once: the first time a question
 * is seen only a small marker is written, the second time its vector, so a stream of never-repeated texts leaves markers
 * that expire rather than 2 KB vectors. Redis trouble is a miss, never a failed question.
 */
final class SharedQueryVectors {

    private static final Logger log = LoggerFactory.getLogger(SharedQueryVectors.class);

    private final UnifiedJedis redis;
    private final String model;
    private final long ttlSeconds;

    SharedQueryVectors(UnifiedJedis redis, String model, Duration ttl) {
        this.redis = redis;
        this.model = model;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    float[] find(String text) {
        try {
            byte[] bytes = redis.get(key("v", text));
            return bytes == null ? null : decode(bytes);
        } catch (JedisException e) {
            log.debug("shared query vectors unavailable: {}", e.getMessage());
            return null;
        }
    }

    void offer(String text, float[] vector) {
        try {
            String seen = redis.set(new String(key("seen", text), StandardCharsets.UTF_8), "1",
                    SetParams.setParams().nx().ex(ttlSeconds));
            if (seen == null) {
                redis.set(key("v", text), VectorCodec.bytes(vector), SetParams.setParams().ex(ttlSeconds));
            }
        } catch (JedisException e) {
            log.debug("shared query vectors unavailable: {}", e.getMessage());
        }
    }

    private byte[] key(String kind, String text) {
        return Keys.of("embedding", "query", model, kind, digest(text)).getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] decode(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
