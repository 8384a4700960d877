package cn.qiying.channels.callback;

import java.util.Map;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.redis.Keys;

/**
 * WeChat retries a callback three times when it gets no answer in 5 s; only the first delivery is processed.
 * Messages are known by MsgId, events by FromUserName+CreateTime+Event+EventKey
 * ({@code qiying:wechat:seen:<appId>:<id>}, SET NX with a TTL).
 */
@Component
class FirstDelivery {

    private final UnifiedJedis redis;
    private final long ttlSeconds;

    FirstDelivery(UnifiedJedis redis, WeChatProperties properties) {
        this.redis = redis;
        this.ttlSeconds = Math.max(60, properties.callback().dedupeTtl().toSeconds());
    }

    boolean first(CallbackAccount account, Map<String, String> fields) {
        String key = Keys.of("wechat", "seen", String.valueOf(account.appId()), id(fields));
        return "OK".equals(redis.set(key, "1", SetParams.setParams().nx().ex(ttlSeconds)));
    }

    private static String id(Map<String, String> fields) {
        String msgId = fields.get("MsgId");
        if (msgId != null && !msgId.isBlank()) {
            return "msg:" + msgId;
        }
        return "event:" + fields.getOrDefault("FromUserName", "") + ":" + fields.getOrDefault("CreateTime", "") + ":"
                + fields.getOrDefault("Event", "") + ":" + fields.getOrDefault("EventKey", "");
    }
}
