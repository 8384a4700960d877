package cn.qiying.channels.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

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

    /** The new card, or every reason it cannot be issued. */
    public Outcome<ServiceCard> issue(String title, String department, String district, String place) {
        List<Refusal> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(Refusal.invalid("channels.card.refusal.title"));
        }
        check("title", title, problems);
        check("department", department, problems);
        check("district", district, problems);
        check("place", place, problems);
        // every appeal from the card goes to this department: a name that does not resolve would make them all fail
        Optional<Department> lead = trim(department) == null ? Optional.empty() : departments.resolve(department.trim());
        if (trim(department) != null && lead.isEmpty() && department.length() <= MAX_TEXT) {
            problems.add(Refusal.invalid("ticket.refusal.unknown-department", department.trim()));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.of(problems));
        }
        long number = redis.incr(Keys.of("card-seq"));
        String code = prefix + String.format(Locale.ROOT, "%04d", number);
        return Outcome.done(cards.save(new ServiceCard(code, title.trim(), lead.map(Department::name).orElse(null), trim(district),
                trim(place), clock.instant().toString())));
    }

    private static void check(String field, String value, List<Refusal> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(Refusal.invalid("channels.card.refusal.too-long", Refusal.text("channels.card.field." + field), MAX_TEXT));
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
