package cn.qiying.policy.push;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a policy's pushes reached: {@code qiying:policy-reach:<id>} (hash: sent, clicks, matched at the last run),
 * the enterprises pushed {@code qiying:policy-pushed:<id>} (set: each at most once per policy), the users who
 * opened it {@code qiying:policy-clickers:<id>} (HyperLogLog), and per enterprise the policies pushed to it
 * {@code qiying:enterprise-pushed:<uscc>} (sorted set by time, the latest {@value #KEEP_PER_ENTERPRISE}).
 */
@Component
public class PushReach {

    static final int KEEP_PER_ENTERPRISE = 200;

    private final UnifiedJedis redis;
    private final Clock clock;

    PushReach(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    boolean pushedBefore(String policyId, String uscc) {
        return redis.sismember(Keys.of("policy-pushed", policyId), uscc);
    }

    void pushed(String policyId, String uscc) {
        redis.sadd(Keys.of("policy-pushed", policyId), uscc);
        String mine = Keys.of("enterprise-pushed", uscc);
        redis.zadd(mine, clock.millis(), policyId);
        redis.zremrangeByRank(mine, 0, -KEEP_PER_ENTERPRISE - 1);
    }

    void sent(String policyId) {
        redis.hincrBy(reach(policyId), "sent", 1);
    }

    void matched(String policyId, long matched) {
        redis.hset(reach(policyId), Map.of("matched", Long.toString(matched), "lastRunAt", Long.toString(clock.millis())));
    }

    /** A user opened the policy from a push. */
    public void clicked(String policyId, String userKey) {
        redis.hincrBy(reach(policyId), "clicks", 1);
        redis.pfadd(Keys.of("policy-clickers", policyId), userKey);
    }

    public record Reach(long matched, long enterprises, long sent, long clicks, long users) {
    }

    public Reach of(String policyId) {
        Map<String, String> h = redis.hgetAll(reach(policyId));
        return new Reach(number(h.get("matched")), redis.scard(Keys.of("policy-pushed", policyId)), number(h.get("sent")),
                number(h.get("clicks")), redis.pfcount(Keys.of("policy-clickers", policyId)));
    }

    /** The policies pushed to an enterprise, newest first. */
    List<String> pushedTo(String uscc) {
        return redis.zrevrange(Keys.of("enterprise-pushed", uscc), 0, KEEP_PER_ENTERPRISE - 1);
    }

    private static String reach(String policyId) {
        return Keys.of("policy-reach", policyId);
    }

    private static long number(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
