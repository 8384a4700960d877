package cn.qiying.bot.state;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.qiying.bot.BotProperties;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;
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
        RedisLock lock = new RedisLock(redis, Keys.of("dialog-lock", userKey), properties.lockTimeout());
        boolean held;
        try {
            // after the wait, a crashed holder's lease is about to end: one message out of order beats none
            held = lock.tryLock(properties.lockTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        try {
            return work.get();
        } finally {
            if (held) {
                lock.unlock();
            }
        }
    }

    static String key(String userKey) {
        return Keys.of("dialog", userKey);
    }
}
