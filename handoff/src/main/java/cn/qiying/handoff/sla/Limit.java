package cn.qiying.handoff.sla;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time limit: N working days on the calendar, or N clock hours. */
public record Limit(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, HOURS }

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(working days?|hours?)");

    /** "3 working days", "1 working day", "1 hour". */
    public static Limit parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a time limit: '" + text + "' (say e.g. '3 working days' or '1 hour')");
        }
        return new Limit(Integer.parseInt(m.group(1)), m.group(2).startsWith("hour") ? Unit.HOURS : Unit.WORKING_DAYS);
    }
}
