package cn.qiying.handoff.sla;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qiying.sla.*}: the preset and how days are counted (CALENDAR.md).
 *
 * @param preset               jinan, kaihua or zhongshan
 * @param calendar             where the per-year calendar files are
 * @param closingTime          deadlines end at this time of the Nth working day; null means 24:00
 * @param afterHoursNextDay    receipt after closing time (or on a day off) counts as receipt on the next working day
 * @param nearDeadlineFraction a ticket is near its deadline once this fraction of its window has passed
 * @param sweepInterval        how often the deadline sweeper runs
 */
@ConfigurationProperties("qiying.sla")
public record SlaProperties(String preset, String calendar, LocalTime closingTime, boolean afterHoursNextDay,
                            Double nearDeadlineFraction, Duration sweepInterval) {

    public SlaProperties {
        preset = preset == null || preset.isBlank() ? "jinan" : preset;
        calendar = calendar == null || calendar.isBlank() ? "classpath*:calendar/*.yml" : calendar;
        nearDeadlineFraction = nearDeadlineFraction == null ? 0.8 : nearDeadlineFraction;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
    }
}
