package cn.qiying.handoff.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A year of the working-day calendar as a person reads it: months as weeks of seven cells (Monday first). */
public record CalendarYear(int year, boolean published, List<Month> months, List<LocalDate> daysOff, List<LocalDate> makeUpDays) {

    public enum DayKind {
        WORK, WEEKEND, HOLIDAY, MAKEUP;

        /** The CSS class and message-key suffix. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Day(int day, DayKind kind) {
    }

    /** @param weeks rows of seven days; blanks before the first and after the last day are null */
    public record Month(int month, List<List<Day>> weeks) {
    }

    public static CalendarYear of(WorkingCalendar calendar, int year) {
        List<Month> months = new ArrayList<>();
        List<LocalDate> daysOff = new ArrayList<>();
        List<LocalDate> makeUp = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(year, m, 1);
            List<Day> cells = new ArrayList<>();
            for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
                cells.add(null);
            }
            for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
                DayKind kind = kind(calendar, d);
                if (kind == DayKind.HOLIDAY) {
                    daysOff.add(d);
                } else if (kind == DayKind.MAKEUP) {
                    makeUp.add(d);
                }
                cells.add(new Day(d.getDayOfMonth(), kind));
            }
            while (cells.size() % 7 != 0) {
                cells.add(null);
            }
            List<List<Day>> weeks = new ArrayList<>();
            for (int i = 0; i < cells.size(); i += 7) {
                weeks.add(new ArrayList<>(cells.subList(i, i + 7)));
            }
            months.add(new Month(m, weeks));
        }
        return new CalendarYear(year, calendar.publishedYears().contains(year), months, daysOff, makeUp);
    }

    private static DayKind kind(WorkingCalendar calendar, LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (calendar.isWorkingDay(d)) {
            return weekend ? DayKind.MAKEUP : DayKind.WORK;
        }
        return weekend ? DayKind.WEEKEND : DayKind.HOLIDAY;
    }
}
