package cn.qiying.knowledge.entry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A counter in Redis ({@code qiying:knowledge:base-version}) that every change of the base moves: what each instance
 * learned from the base (its lexicon, its calibration) is redone when the counter is not where it was.
 */
@Component
public class BaseVersion {

    static final String KEY = Keys.of("knowledge", "base-version");

    /** Published in this instance after the base changed (entries written, made live or deleted). */
    public record Changed(long version) {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final UnifiedJedis jedis;
    private final ApplicationEventPublisher events;

    public BaseVersion(UnifiedJedis jedis, ApplicationEventPublisher events) {
        this.jedis = jedis;
        this.events = events;
    }

    public long current() {
        String v = jedis.get(KEY);
        return v == null ? 0 : Long.parseLong(v);
    }

    public long changed() {
        // a counter that starts anew (a Redis emptied) starts from a random value, never from one seen before
        jedis.set(KEY, String.valueOf(1 + RANDOM.nextLong(1L << 40)), SetParams.setParams().nx());
        long v = jedis.incr(KEY);
        events.publishEvent(new Changed(v));
        return v;
    }
}
