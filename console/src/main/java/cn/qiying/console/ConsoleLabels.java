package cn.qiying.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.text.Texts;
import cn.qiying.platform.time.ClockConfiguration;

/** How the console writes times, countdowns and the domain's names, all from the bundles. */
@Component
public class ConsoleLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.SHANGHAI);

    private final Texts texts;

    ConsoleLabels(Texts texts) {
        this.texts = texts;
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String text(String key, Object... args) {
        return texts.text(key, args);
    }

    public String text(Refusal refusal) {
        return texts.text(refusal);
    }

    /** "剩余 2天3小时", "已超期 5小时" (the page's script keeps it current with the same words). */
    public String remaining(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        Duration d = left.abs();
        String amount = d.toDays() > 0 ? text("console.duration.days", d.toDays(), d.toHoursPart())
                : d.toHoursPart() > 0 ? text("console.duration.hours", d.toHoursPart(), d.toMinutesPart())
                : text("console.duration.minutes", d.toMinutesPart());
        return text(left.isNegative() ? "console.countdown.over" : "console.countdown.left", amount);
    }

    /** A domain name's label: {@code <prefix>.<value>} in the bundles, the value itself when there is none (data). */
    public String named(String prefix, String value) {
        if (value == null) {
            return text("console.none");
        }
        String key = prefix + "." + value.toLowerCase(java.util.Locale.ROOT);
        String label = texts.text(key);
        return label.equals(key) ? value : label;
    }
}
