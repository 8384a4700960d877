package cn.qiying.policy.binding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who is bound to which enterprise: {@code qiying:binding:<userKey>} (hash: uscc, via, by, at) and the other way
 * {@code qiying:enterprise-users:<uscc>} (set of user keys, at most {@value #MAX_USERS}). A user is bound to one
 * enterprise at a time; both keys change in one script.
 */
@Component
public class Bindings {

    static final int MAX_USERS = 20;
    private static final String BIND = """
            if redis.call('scard', KEYS[3]) >= tonumber(ARGV[5]) and redis.call('sismember', KEYS[3], ARGV[1]) == 0 then
              return 0
            end
            local old = redis.call('hget', KEYS[1], 'uscc')
            if old then redis.call('srem', KEYS[2] .. old, ARGV[1]) end
            redis.call('del', KEYS[1])
            redis.call('hset', KEYS[1], 'uscc', ARGV[2], 'via', ARGV[3], 'by', ARGV[4], 'at', ARGV[6])
            redis.call('sadd', KEYS[3], ARGV[1])
            return 1""";
    private static final String UNBIND = """
            local old = redis.call('hget', KEYS[1], 'uscc')
            if not old then return 0 end
            redis.call('srem', KEYS[2] .. old, ARGV[1])
            redis.call('del', KEYS[1])
            return 1""";

    private final UnifiedJedis redis;

    Bindings(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Binds the user (moving them from another enterprise); false when the enterprise has its most users already. */
    public boolean bind(String userKey, String uscc, String via, String by, Instant at) {
        Object done = redis.eval(BIND, List.of(key(userKey), usersPrefix(), users(uscc)),
                List.of(userKey, uscc, via, by == null ? "" : by, Integer.toString(MAX_USERS), Long.toString(at.toEpochMilli())));
        return Long.valueOf(1).equals(done);
    }

    public boolean unbind(String userKey) {
        return Long.valueOf(1).equals(redis.eval(UNBIND, List.of(key(userKey), usersPrefix()), List.of(userKey)));
    }

    public Optional<Binding> of(String userKey) {
        Map<String, String> h = redis.hgetAll(key(userKey));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Binding(userKey, h.get("uscc"), h.get("via"), h.getOrDefault("by", ""),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("at", "0")))));
    }

    public Set<String> usersOf(String uscc) {
        return redis.smembers(users(uscc));
    }

    public List<Binding> bindingsOf(String uscc) {
        return usersOf(uscc).stream().sorted().map(this::of).flatMap(Optional::stream).filter(b -> uscc.equals(b.uscc())).toList();
    }

    private static String key(String userKey) {
        return Keys.of("binding", userKey);
    }

    private static String usersPrefix() {
        return Keys.of("enterprise-users") + ":";
    }

    private static String users(String uscc) {
        return usersPrefix() + uscc;
    }
}
