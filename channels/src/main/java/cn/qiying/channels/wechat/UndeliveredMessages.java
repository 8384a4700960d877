package cn.qiying.channels.wechat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

import cn.qiying.platform.redis.Keys;

/**
 * Replies that could not reach a user (48-hour window closed, quota spent, WeChat down after the retries), kept for
 * staff in the stream {@code qiying:wechat:undelivered} (capped) instead of being retried forever.
 */
@Component
public class UndeliveredMessages {

    private static final String KEY = Keys.of("wechat", "undelivered");
    private static final long CAP = 10_000;

    private final UnifiedJedis redis;
    private final Clock clock;

    public UndeliveredMessages(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void record(String channel, String openId, String text, String reason) {
        redis.xadd(KEY, XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY).maxLen(CAP).approximateTrimming(),
                Map.of("channel", channel, "openId", openId, "text", text, "reason", String.valueOf(reason),
                        "at", clock.instant().toString()));
    }

    /** One undelivered message, for staff. */
    public record Entry(String id, String channel, String openId, String text, String reason, String at) {
    }

    /** The latest undelivered messages, newest first. */
    public List<Entry> latest(int count) {
        return redis.xrevrange(KEY, (StreamEntryID) null, (StreamEntryID) null, count).stream()
                .map(e -> new Entry(e.getID().toString(), e.getFields().get("channel"), e.getFields().get("openId"),
                        e.getFields().get("text"), e.getFields().get("reason"), e.getFields().get("at")))
                .toList();
    }

    public long count() {
        return redis.xlen(KEY);
    }

    public static String key() {
        return KEY;
    }
}
