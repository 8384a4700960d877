package cn.qiying.policy.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.Json;

/**
 * Binding confirmed by staff instead of a code (the enterprise has no mobile on file, or calls the centre): the user
 * asks ({@code qiying:binding-requests:<uscc>}, hash: user key → the request; at most {@value #MAX_REQUESTS} per
 * enterprise, kept 30 days), a staff user binds or drops it.
 */
@Service
public class StaffBinding {

    static final int MAX_REQUESTS = 20;
    static final int MAX_NOTE = 200;
    private static final Duration KEEP = Duration.ofDays(30);

    private final redis.clients.jedis.UnifiedJedis redis;
    private final Bindings bindings;
    private final Clock clock;

    StaffBinding(redis.clients.jedis.UnifiedJedis redis, Bindings bindings, Clock clock) {
        this.redis = redis;
        this.bindings = bindings;
        this.clock = clock;
    }

    public record Request(String userKey, String note, Instant at) {
    }

    /** Records the user's request; false when the enterprise already has too many waiting. */
    public boolean ask(String userKey, String uscc, String note) {
        String key = key(uscc);
        if (redis.hlen(key) >= MAX_REQUESTS && !redis.hexists(key, userKey)) {
            return false;
        }
        String cut = note == null ? "" : note.strip();
        cut = cut.length() > MAX_NOTE ? cut.substring(0, MAX_NOTE) : cut;
        redis.hset(key, userKey, Json.MAPPER.writeValueAsString(new Request(userKey, cut, clock.instant())));
        redis.expire(key, KEEP.toSeconds());
        return true;
    }

    public List<Request> waiting(String uscc) {
        return redis.hgetAll(key(uscc)).values().stream().map(v -> Json.MAPPER.readValue(v, Request.class))
                .sorted(Comparator.comparing(Request::at)).toList();
    }

    /** Staff bind the user (asked or not); false when the enterprise has its most users already. */
    public boolean bind(String userKey, String uscc, String staff) {
        boolean bound = bindings.bind(userKey, uscc, Binding.BY_STAFF, staff, clock.instant());
        if (bound) {
            redis.hdel(key(uscc), userKey);
        }
        return bound;
    }

    public boolean drop(String userKey, String uscc) {
        return redis.hdel(key(uscc), userKey) == 1;
    }

    private static String key(String uscc) {
        return Keys.of("binding-requests", uscc);
    }
}
