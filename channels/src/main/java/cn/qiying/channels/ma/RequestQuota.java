package cn.qiying.channels.ma;

import java.time.Clock;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.redis.Keys;

/**
 * Per-openid request quota of the mini-program API, per minute across all instances
 * ({@code qiying:ma:rate:<openId>:<minute>}, INCR with a short TTL).
 */
@Component
public class RequestQuota {

    private final UnifiedJedis redis;
    private final Clock clock;
    private final int perMinute;

    public RequestQuota(UnifiedJedis redis, Clock clock, WeChatProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.perMinute = properties.ma().requestsPerMinute();
    }

    /** Counts one request; false when the user has spent this minute's quota. */
    public boolean take(String openId) {
        long minute = clock.instant().getEpochSecond() / 60;
        String key = Keys.of("ma", "rate", openId, Long.toString(minute));
        long count = redis.incr(key);
        if (count == 1) {
            redis.expire(key, 120);
        }
        return count <= perMinute;
    }
}
