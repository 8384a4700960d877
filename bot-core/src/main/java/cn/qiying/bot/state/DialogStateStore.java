package cn.qiying.bot.state;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.qiying.bot.BotProperties;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-user dialog state in Redis: JSON under {@code qiying:dialog:{userKey}}. The key expires after the draft retention
 * when an appeal draft is kept, else after the idle timeout; idleness itself is judged on the Clock, not on the TTL.
 * One user's messages are handled one at a time under {@code qiying:dialog-lock:{userKey}}, across instances.
 */
@Component
public class DialogStateStore {

    private static final String UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final UnifiedJedis redis;
    private final BotProperties properties;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public DialogStateStore(UnifiedJedis redis, BotProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public DialogState load(String userKey) {
        String stored = redis.get(key(userKey));
        return stored == null ? DialogState.fresh() : json.readValue(stored, DialogState.class);
    }

    public void save(String userKey, DialogState state) {
        Duration ttl = state.draft() != null ? properties.draftRetention() : properties.idleTimeout();
        redis.set(key(userKey), json.writeValueAsString(state), SetParams.setParams().px(Math.max(ttl.toMillis(), 1000)));
    }

    /** Runs the work while holding this user's lock, so two messages of one user never interleave. */
    public <T> T underLock(String userKey, Supplier<T> work) {
        String lock = Keys.of("dialog-lock", userKey);
        String token = UUID.randomUUID().toString();
        long waitUntil = System.nanoTime() + properties.lockTimeout().toNanos();
        while (!"OK".equals(redis.set(lock, token, SetParams.setParams().nx().px(properties.lockTimeout().toMillis())))) {
            if (System.nanoTime() > waitUntil) {
                break; // a crashed holder: its lock expires by itself, and one message out of order beats none
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            return work.get();
        } finally {
            redis.eval(UNLOCK, 1, lock, token);
        }
    }

    static String key(String userKey) {
        return Keys.of("dialog", userKey);
    }
}
