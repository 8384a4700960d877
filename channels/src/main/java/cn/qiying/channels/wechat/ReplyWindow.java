package cn.qiying.channels.wechat;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.platform.redis.Keys;

/**
 * WeChat's customer-service window: after a user's message (or menu click, subscription, scan) the account may send
 * that user 5 customer-service messages within 48 hours. Counted in {@code qiying:wechat:window:<channel>:<openId>},
 * so a spent or closed window is refused here instead of by WeChat (45047, 45015). A user with no count yet (e.g.
 * known only from before) is left for WeChat to judge.
 */
@Component
public class ReplyWindow {

    static final int MESSAGES = 5;
    static final Duration WINDOW = Duration.ofHours(48);

    private static final String TAKE = """
            local left = redis.call('get', KEYS[1])
            if not left then return 1 end
            if tonumber(left) <= 0 then return 0 end
            redis.call('decr', KEYS[1])
            return 1""";

    private static final String GIVE_BACK = """
            local left = redis.call('get', KEYS[1])
            if left and tonumber(left) < tonumber(ARGV[1]) then redis.call('incr', KEYS[1]) end
            return 1""";

    private final UnifiedJedis redis;

    public ReplyWindow(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void opened(String channel, String openId) {
        redis.set(key(channel, openId), Integer.toString(MESSAGES), SetParams.setParams().ex(WINDOW.toSeconds()));
    }

    /** Takes one message of the window; false when it is spent or closed. */
    public boolean take(String channel, String openId) {
        Object allowed = redis.eval(TAKE, List.of(key(channel, openId)), List.of());
        return Long.valueOf(1).equals(allowed);
    }

    /** A message taken but not delivered (WeChat failed, or timed out): WeChat counts only what it delivered. */
    public void giveBack(String channel, String openId) {
        redis.eval(GIVE_BACK, List.of(key(channel, openId)), List.of(Integer.toString(MESSAGES)));
    }

    /** WeChat said the window is closed or spent: refuse further messages until the user writes again. */
    public void closed(String channel, String openId) {
        redis.set(key(channel, openId), "0", SetParams.setParams().ex(WINDOW.toSeconds()));
    }

    private static String key(String channel, String openId) {
        return Keys.of("wechat", "window", channel, openId);
    }
}
