package cn.qiying.channels.wechat;

import java.time.Duration;
import java.util.concurrent.locks.Lock;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;

/**
 * Access tokens shared by every instance through Redis ({@code qiying:wechat:token:<appId>}, expiring a little before
 * WeChat's own expiry), fetched under a lock ({@code qiying:wechat:token-lock:<appId>}) so one instance refreshes.
 */
@Component
public class SharedAccessTokens {

    /** Refresh this long before WeChat says the token expires. */
    private static final Duration AHEAD = Duration.ofSeconds(200);
    private static final Duration LOCK_LEASE = Duration.ofSeconds(15);

    private final UnifiedJedis redis;

    public SharedAccessTokens(UnifiedJedis redis) {
        this.redis = redis;
    }

    public String get(String appId) {
        return redis.get(key(appId));
    }

    public void put(String appId, String token, int expiresInSeconds) {
        long ttl = Math.max(60, expiresInSeconds - AHEAD.toSeconds());
        redis.set(key(appId), token, SetParams.setParams().ex(ttl));
    }

    public void expire(String appId) {
        redis.del(key(appId));
    }

    Lock lock(String appId) {
        return new RedisLock(redis, Keys.of("wechat", "token-lock", String.valueOf(appId)), LOCK_LEASE);
    }

    private static String key(String appId) {
        return Keys.of("wechat", "token", String.valueOf(appId));
    }
}
