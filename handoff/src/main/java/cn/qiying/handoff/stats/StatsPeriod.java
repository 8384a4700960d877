package cn.qiying.handoff.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.time.ClockConfiguration;

/** A period of whole days in Shanghai, at most a year. */
public record StatsPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    /** From the dates a person typed (yyyy-MM-dd, either may be blank): by default the 30 days up to today. */
    public static Outcome<StatsPeriod> parse(String from, String to, LocalDate today) {
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : LocalDate.parse(from.strip());
            if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                return Outcome.refused(Refusal.invalid("stats.refusal.period"));
            }
            return Outcome.done(new StatsPeriod(start, end));
        } catch (DateTimeParseException e) {
            return Outcome.refused(Refusal.invalid("stats.refusal.day"));
        }
    }

    public Instant start() {
        return from.atStartOfDay(ClockConfiguration.SHANGHAI).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(ClockConfiguration.SHANGHAI).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
