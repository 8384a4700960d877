package cn.qiying.policy.push;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.library.Topics;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each user's subscription to policy pushes, {@code qiying:policy-subscription:<userKey>} (hash: paused, topics):
 * by default every policy matching their enterprise; with topics chosen, only policies filed under one of them;
 * paused, none.
 */
@Service
public class Subscriptions {

    private final UnifiedJedis redis;
    private final Topics topics;

    Subscriptions(UnifiedJedis redis, Topics topics) {
        this.redis = redis;
        this.topics = topics;
    }

    public record Choice(boolean paused, Set<String> topics) {

        public static final Choice DEFAULT = new Choice(false, Set.of());

        /** Whether a policy matching the user's enterprise is pushed to them. */
        public boolean wants(Policy policy) {
            return !paused && (topics.isEmpty() || policy.topics().stream().anyMatch(topics::contains));
        }
    }

    public Choice of(String userKey) {
        Map<String, String> h = redis.hgetAll(key(userKey));
        if (h.isEmpty()) {
            return Choice.DEFAULT;
        }
        String list = h.getOrDefault("topics", "");
        Set<String> chosen = list.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(list.split(",")));
        return new Choice("1".equals(h.get("paused")), chosen);
    }

    /** Stores the user's choice; topics outside the topic list are left out. */
    public Choice choose(String userKey, boolean paused, Collection<String> chosen) {
        Set<String> known = new LinkedHashSet<>();
        topics.all().stream().filter(chosen::contains).forEach(known::add);
        redis.hset(key(userKey), Map.of("paused", paused ? "1" : "0", "topics", String.join(",", known)));
        return new Choice(paused, known);
    }

    private static String key(String userKey) {
        return Keys.of("policy-subscription", userKey);
    }
}
