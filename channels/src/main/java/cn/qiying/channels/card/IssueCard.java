package cn.qiying.channels.card;

import java.time.Clock;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
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
    private final Departments departments;

    public IssueCard(ServiceCardRepository cards, UnifiedJedis redis, Clock clock, CardProperties properties,
                     Departments departments) {
        this.cards = cards;
        this.departments = departments;
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
        // every appeal from the card goes to this department: a name that does not resolve would make them all fail
        String departmentName = trim(department) == null ? null : departments.resolve(department.trim())
                .map(d -> d.name())
                .orElseThrow(() -> new IllegalArgumentException("部门「" + department.trim() + "」不存在"));
        long number = redis.incr(Keys.of("card-seq"));
        String code = prefix + String.format(Locale.ROOT, "%04d", number);
        return cards.save(new ServiceCard(code, title.trim(), departmentName, trim(district), trim(place),
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
