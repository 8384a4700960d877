package cn.qiying.knowledge.entry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;

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
        long v = jedis.incr(KEY);
        events.publishEvent(new Changed(v));
        return v;
    }
}
