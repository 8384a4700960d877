package cn.qiying.policy.push;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.handoff.notify.Push;
import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyProperties;
import cn.qiying.policy.binding.UserKey;
import redis.clients.jedis.UnifiedJedis;

/**
 * Policy pushes that failed for a passing reason (WeChat down, a timeout), tried again with a doubling delay:
 * {@code qiying:policy-push-retry} (sorted set of push ids by when they are due) and
 * {@code qiying:policy-push-retry-items} (hash: id → the push). An instance claims a due push by moving it a lease
 * ahead (so a crash only delays it); after {@code max-attempts} it goes to {@code qiying:policy-push-failed}.
 */
@Component
class PushRetries {

    static final String DUE = Keys.of("policy-push-retry");
    static final String ITEMS = Keys.of("policy-push-retry-items");
    static final String FAILED = Keys.of("policy-push-failed");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(PushRetries.class);
    private static final String CLAIM = """
            local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(due) do redis.call('zadd', KEYS[1], ARGV[2], id) end
            return due""";

    record Waiting(Push push, String policyId, int attempts, String reason) {
    }

    private final UnifiedJedis redis;
    private final ObjectProvider<Messenger> messenger;
    private final WeeklyCap cap;
    private final PushReach reach;
    private final PolicyProperties.Push settings;
    private final Clock clock;

    PushRetries(UnifiedJedis redis, ObjectProvider<Messenger> messenger, WeeklyCap cap, PushReach reach,
                PolicyProperties properties, Clock clock) {
        this.redis = redis;
        this.messenger = messenger;
        this.cap = cap;
        this.reach = reach;
        this.settings = properties.push();
        this.clock = clock;
    }

    void later(Push push, String policyId, int attempts, String reason) {
        long delay = settings.retryDelay().toMillis() << Math.min(attempts - 1, 16);
        redis.hset(ITEMS, push.id(), Json.MAPPER.writeValueAsString(new Waiting(push, policyId, attempts, reason)));
        redis.zadd(DUE, clock.millis() + delay, push.id());
    }

    /** Tries the pushes that are due; returns how many were delivered. */
    @SuppressWarnings("unchecked")
    int retryDue() {
        Messenger port = messenger.getIfAvailable();
        if (port == null) {
            return 0;
        }
        long now = clock.millis();
        List<String> claimed = (List<String>) redis.eval(CLAIM, List.of(DUE),
                List.of(Long.toString(now), Long.toString(now + LEASE.toMillis()), "100"));
        int delivered = 0;
        for (String id : claimed) {
            String json = redis.hget(ITEMS, id);
            if (json == null) {
                redis.zrem(DUE, id);
                continue;
            }
            Waiting w = Json.MAPPER.readValue(json, Waiting.class);
            Delivery d = port.deliver(w.push());
            String userKey = new UserKey(w.push().channel(), w.push().appId(), w.push().openId()).toString();
            if (d.outcome() == Delivery.Outcome.SENT) {
                reach.sent(w.policyId());
                done(id);
                delivered++;
            } else if (d.outcome() == Delivery.Outcome.RETRY && w.attempts() + 1 < settings.maxAttempts()) {
                later(w.push(), w.policyId(), w.attempts() + 1, d.reason());
            } else {
                cap.giveBack(userKey, w.policyId());
                redis.hset(FAILED, id, Json.MAPPER.writeValueAsString(new Waiting(w.push(), w.policyId(), w.attempts() + 1,
                        String.valueOf(d.reason()))));
                done(id);
                log.warn("policy push {} given up after {} attempts: {}", id, w.attempts() + 1, d.reason());
            }
        }
        return delivered;
    }

    long waiting() {
        return redis.zcard(DUE);
    }

    Map<String, String> failed() {
        return redis.hgetAll(FAILED);
    }

    private void done(String id) {
        redis.zrem(DUE, id);
        redis.hdel(ITEMS, id);
    }
}
