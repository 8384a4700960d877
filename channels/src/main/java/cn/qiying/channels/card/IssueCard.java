package cn.qiying.channels.card;

import java.time.Clock;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;

/** Creates a service card with the next code ({@code qiying:card-seq} counter: QY0001, QY0002, …). */
@Component
@EnableConfigurationProperties(CardProperties.class)
public class IssueCard {

    /** Titles and places are printed on an A6 card: keep them short. */
    private static final int MAX_TEXT = 60;

    private final ServiceCardRepository cards;
    private final UnifiedJedis redis;
    private final Clock clock;
    private final String prefix;

    public IssueCard(ServiceCardRepository cards, UnifiedJedis redis, Clock clock, CardProperties properties) {
        this.cards = cards;
        this.redis = redis;
        this.clock = clock;
        this.prefix = properties.codePrefix().toUpperCase(Locale.ROOT);
    }

    public ServiceCard issue(String title, String department, String district, String place) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("服务卡需要标题");
        }
        check("标题", title);
        check("部门", department);
        check("区县", district);
        check("地点", place);
        long number = redis.incr(Keys.of("card-seq"));
        String code = prefix + String.format(Locale.ROOT, "%04d", number);
        return cards.save(new ServiceCard(code, title.trim(), trim(department), trim(district), trim(place),
                clock.instant().toString()));
    }

    private static void check(String what, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + "不能超过 " + MAX_TEXT + " 字");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
