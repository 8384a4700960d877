package cn.qiying.policy.push;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.PolicyProperties;
import redis.clients.jedis.UnifiedJedis;

/**
 * At most {@code qiying.policy.push.weekly-cap} policy pushes per user in any 7 days: a sorted set per user
 * ({@code qiying:policy-push-week:<userKey>}, policy ids by time, expiring 8 days after the last), taken and given
 * back atomically.
 */
@Component
class WeeklyCap {

    static final Duration WEEK = Duration.ofDays(7);
    private static final String TAKE = """
            redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1] - ARGV[2])
            if redis.call('zscore', KEYS[1], ARGV[4]) then return 1 end
            if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('zadd', KEYS[1], ARGV[1], ARGV[4])
            redis.call('pexpire', KEYS[1], ARGV[2] + 86400000)
            return 1""";

    private final UnifiedJedis redis;
    private final Clock clock;
    private final int cap;

    WeeklyCap(UnifiedJedis redis, Clock clock, PolicyProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.cap = properties.push().weeklyCap();
    }

    /** Takes one of the user's pushes this week for the policy (the same policy twice takes one); false when none is left. */
    boolean take(String userKey, String policyId) {
        Object taken = redis.eval(TAKE, List.of(key(userKey)), List.of(Long.toString(clock.millis()),
                Long.toString(WEEK.toMillis()), Integer.toString(cap), policyId));
        return Long.valueOf(1).equals(taken);
    }

    /** A push that never reached the user does not count. */
    void giveBack(String userKey, String policyId) {
        redis.zrem(key(userKey), policyId);
    }

    private static String key(String userKey) {
        return Keys.of("policy-push-week", userKey);
    }
}
