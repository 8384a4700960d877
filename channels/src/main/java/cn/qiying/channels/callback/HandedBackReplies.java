package cn.qiying.channels.callback;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.bot.UserMessage;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous replies a stopping instance could not finish in its grace period, handed back to Redis (the list
 * {@code qiying:wechat:handed-back}): either the user's message, whose dialog had not run, or the reply text, not yet
 * sent. The next instance to start takes each entry once (LPOP) and finishes it. WeChat was told "success" for these
 * messages, so dropping them would lose what was acknowledged.
 */
@Component
class HandedBackReplies {

    private static final Logger log = LoggerFactory.getLogger(HandedBackReplies.class);
    private static final String KEY = Keys.of("wechat", "handed-back");

    /** One piece of unfinished work: a message to answer, or an answer to send. */
    record Work(UserMessage message, String text) {

        static Work answer(UserMessage message) {
            return new Work(message, null);
        }

        static Work send(UserMessage message, String text) {
            return new Work(message, text);
        }
    }

    private final UnifiedJedis redis;
    private final JsonMapper json;

    HandedBackReplies(UnifiedJedis redis) {
        this.redis = redis;
        this.json = JsonMapper.builder().build();
    }

    void handBack(List<Work> work) {
        if (work.isEmpty()) {
            return;
        }
        redis.rpush(KEY, work.stream().map(json::writeValueAsString).toArray(String[]::new));
        log.warn("shutting down: {} asynchronous replies handed back to Redis for the next instance", work.size());
    }

    /** Takes every entry waiting (each taken by one instance only). */
    List<Work> takeAll() {
        List<Work> taken = new ArrayList<>();
        String entry;
        while ((entry = redis.lpop(KEY)) != null) {
            try {
                taken.add(json.readValue(entry, Work.class));
            } catch (JacksonException e) {
                log.error("a handed-back reply cannot be read and is dropped: {}", e.getOriginalMessage());
            }
        }
        return taken;
    }
}
