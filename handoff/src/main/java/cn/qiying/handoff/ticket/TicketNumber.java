package cn.qiying.handoff.ticket;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket number, {@code QYyyyyMMddNNNN}: the prefix, the Shanghai date of receipt and that day's sequence, four
 * digits and wider past 9,999 (up to eight). The one place that knows the shape: intake, intent rules, the status
 * page and the console all parse with it.
 */
public record TicketNumber(String value) {

    public static final String PREFIX = "QY";
    private static final int MAX_LENGTH = PREFIX.length() + 8 + 8;
    private static final Pattern WHOLE = Pattern.compile("QY(\\d{8})(\\d{4,8})");
    /** Inside free text: not glued to other letters or digits. */
    private static final Pattern EMBEDDED = Pattern.compile("(?i)(?<![A-Z0-9])(QY\\d{12,16})(?![0-9])");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public TicketNumber {
        if (value == null || !WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a ticket number");
        }
    }

    /** The number a person typed (spaces around, lower case allowed), or empty when it is not one. */
    public static Optional<TicketNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String candidate = typed.strip().toUpperCase(Locale.ROOT);
        return candidate.length() <= MAX_LENGTH && WHOLE.matcher(candidate).matches()
                ? Optional.of(new TicketNumber(candidate)) : Optional.empty();
    }

    /** The first ticket number inside a message, or empty. */
    public static Optional<TicketNumber> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = EMBEDDED.matcher(text);
        while (m.find()) {
            Optional<TicketNumber> found = parse(m.group(1));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The number of the day's n-th ticket. */
    public static TicketNumber of(LocalDate day, long sequence) {
        return new TicketNumber(PREFIX + DAY.format(day) + String.format(Locale.ROOT, "%04d", sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
