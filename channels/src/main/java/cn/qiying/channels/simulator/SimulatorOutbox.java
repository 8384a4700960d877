package cn.qiying.channels.simulator;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.channels.wechat.LocalRecipients;
import cn.qiying.platform.redis.Keys;

/**
 * In demo mode, what the application would send through WeChat to a simulator user (openids starting with
 * {@code sim-}) waits here for the simulator page instead ({@code qiying:simulator:outbox:<openId>}, a day).
 */
@Component
public class SimulatorOutbox implements LocalRecipients {

    public static final String PREFIX = "sim-";
    private static final Duration KEEP = Duration.ofDays(1);

    private final UnifiedJedis redis;
    private final boolean demo;

    public SimulatorOutbox(UnifiedJedis redis, @Value("${qiying.demo.enabled:false}") boolean demo) {
        this.redis = redis;
        this.demo = demo;
    }

    public boolean enabled() {
        return demo;
    }

    @Override
    public boolean accepts(String openId) {
        return demo && openId != null && openId.startsWith(PREFIX);
    }

    @Override
    public void deliver(String openId, String text) {
        String key = key(openId);
        redis.rpush(key, text);
        redis.expire(key, KEEP.toSeconds());
    }

    /** Everything waiting for the user, oldest first, removed from the outbox. */
    public List<String> take(String openId) {
        List<String> waiting = redis.lpop(key(openId), 100);
        return waiting == null ? List.of() : waiting;
    }

    private static String key(String openId) {
        return Keys.of("simulator", "outbox", openId);
    }
}
