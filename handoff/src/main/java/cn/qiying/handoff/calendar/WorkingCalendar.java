package cn.qiying.handoff.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Chinese working days: Monday-Friday minus the official days off, plus the make-up working days (调休), as published
 * by the State Council each year. The data is one YAML file per year; a year without data logs a warning once and
 * falls back to weekends only.
 */
public final class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private final Map<Integer, Year> years;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    record Year(int year, String source, Set<LocalDate> daysOff, Set<LocalDate> workdays) {
    }

    WorkingCalendar(Map<Integer, Year> years) {
        this.years = Map.copyOf(years);
    }

    /** Loads every {@code *.yml} under the location, e.g. {@code classpath*:calendar/*.yml} or {@code file:/etc/qiying/calendar/*.yml}. */
    public static WorkingCalendar load(String locationPattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
            Map<Integer, Year> years = new HashMap<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    Year year = parse(new Yaml().load(in));
                    years.put(year.year(), year);
                }
            }
            if (years.isEmpty()) {
                log.warn("no working-day calendar found at {}: weekends only", locationPattern);
            } else {
                log.info("working-day calendar loaded for {}", new TreeSet<>(years.keySet()));
            }
            return new WorkingCalendar(years);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar at " + locationPattern, e);
        }
    }

    public Set<Integer> publishedYears() {
        return new TreeSet<>(years.keySet());
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = years.get(date.getYear());
        if (year == null) {
            if (warned.add(date.getYear())) {
                log.warn("no official calendar for {} (published: {}): counting weekends only", date.getYear(), publishedYears());
            }
        } else {
            if (year.workdays().contains(date)) {
                return true;
            }
            if (year.daysOff().contains(date)) {
                return false;
            }
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The Nth working day after {@code date}; the date itself never counts (the civil-code default). */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        LocalDate day = date;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    private static Year parse(Map<String, Object> data) {
        int year = ((Number) data.get("year")).intValue();
        return new Year(year, String.valueOf(data.getOrDefault("source", "")), days(data.get("daysOff")), days(data.get("workdays")));
    }

    private static Set<LocalDate> days(Object list) {
        Set<LocalDate> days = new HashSet<>();
        if (list == null) {
            return days;
        }
        for (Object item : (List<?>) list) {
            if (item instanceof Date date) {
                days.add(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
            } else {
                String text = String.valueOf(item).trim();
                int range = text.indexOf("..");
                if (range < 0) {
                    days.add(LocalDate.parse(text));
                } else {
                    LocalDate first = LocalDate.parse(text.substring(0, range).trim());
                    LocalDate last = LocalDate.parse(text.substring(range + 2).trim());
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        days.add(d);
                    }
                }
            }
        }
        return days;
    }
}
