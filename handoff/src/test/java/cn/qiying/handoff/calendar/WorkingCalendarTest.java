package cn.qiying.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.sla.DeadlinePolicy;
import cn.qiying.handoff.sla.Limit;
import cn.qiying.handoff.sla.SlaPreset;

class WorkingCalendarTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.load("classpath*:calendar/*.yml");
    static final DeadlinePolicy ONE_DAY = new DeadlinePolicy(CALENDAR, SlaPreset.named("jinan"), null, false);

    static LocalDate due(String receivedAt, int days) {
        return OffsetDateTime.ofInstant(ONE_DAY.due(OffsetDateTime.parse(receivedAt).toInstant(), new Limit(days, Limit.Unit.WORKING_DAYS)),
                java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    @Test
    void nationalDayHolidayIsSkipped() {
        assertThat(due("2026-09-30T15:00:00+08:00", 1)).isEqualTo("2026-10-08");
    }

    @Test
    void makeUpSaturdayBeforeSpringFestivalCounts() {
        assertThat(due("2026-02-13T10:00:00+08:00", 3)).isEqualTo("2026-02-25");
    }

    @Test
    void receiptOnAMakeUpSaturdayCountsFromTheNextWorkingDay() {
        assertThat(due("2026-02-14T10:00:00+08:00", 1)).isEqualTo("2026-02-24");
    }

    @Test
    void newYearAcrossTheYearsLandsOnTheMakeUpSunday() {
        assertThat(due("2025-12-31T10:00:00+08:00", 1)).isEqualTo("2026-01-04");
    }

    @Test
    void deadlineIsTheEndOfTheDayUnlessAClosingTimeIsSet() {
        Instant received = OffsetDateTime.parse("2026-09-30T15:00:00+08:00").toInstant();
        assertThat(ONE_DAY.due(received, new Limit(1, Limit.Unit.WORKING_DAYS))).isEqualTo(OffsetDateTime.parse("2026-10-08T23:59:59+08:00").toInstant());
        DeadlinePolicy closing = new DeadlinePolicy(CALENDAR, SlaPreset.named("jinan"), LocalTime.of(17, 30), false);
        assertThat(closing.due(received, new Limit(1, Limit.Unit.WORKING_DAYS))).isEqualTo(OffsetDateTime.parse("2026-10-08T17:30:00+08:00").toInstant());
    }

    @Test
    void receiptAfterClosingCountsAsTheNextWorkingDayWhenConfigured() {
        DeadlinePolicy afterHours = new DeadlinePolicy(CALENDAR, SlaPreset.named("jinan"), LocalTime.of(17, 0), true);
        Instant evening = OffsetDateTime.parse("2026-09-29T18:00:00+08:00").toInstant();
        assertThat(afterHours.due(evening, new Limit(1, Limit.Unit.WORKING_DAYS))).isEqualTo(OffsetDateTime.parse("2026-10-08T17:00:00+08:00").toInstant());
    }

    @Test
    void hourLimitsAreClockHours() {
        Instant received = OffsetDateTime.parse("2026-10-01T10:00:00+08:00").toInstant();
        assertThat(ONE_DAY.due(received, Limit.parse("1 hour"))).isEqualTo(received.plusSeconds(3600));
    }

    @Test
    void yearsBeyondTheDataFallBackToWeekends() {
        assertThat(CALENDAR.publishedYears()).containsExactly(2025, 2026);
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-03-03"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-03-06"))).isFalse();
    }

    @Test
    void presetsCarryTheCitiesLimits() {
        Instant received = OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant(); // Monday
        var jinan = ONE_DAY.milestones(received, Complexity.GENERAL, false);
        assertThat(jinan.resolveBy()).isEqualTo(OffsetDateTime.parse("2026-03-23T23:59:59+08:00").toInstant());
        var jinanExtended = ONE_DAY.milestones(received, Complexity.COMPLEX, true);
        assertThat(jinanExtended.resolveBy()).isEqualTo(OffsetDateTime.parse("2026-04-14T23:59:59+08:00").toInstant());

        var kaihua = new DeadlinePolicy(CALENDAR, SlaPreset.named("kaihua"), null, false);
        assertThat(kaihua.milestones(received, Complexity.SIMPLE, false).resolveBy()).isEqualTo(OffsetDateTime.parse("2026-03-03T23:59:59+08:00").toInstant());
        assertThat(kaihua.milestones(received, Complexity.COMPLEX, false).resolveBy()).isEqualTo(OffsetDateTime.parse("2026-03-05T23:59:59+08:00").toInstant());
        assertThat(kaihua.milestones(received, Complexity.GENERAL, false).contactBy()).isNull();

        var zhongshan = new DeadlinePolicy(CALENDAR, SlaPreset.named("zhongshan"), null, false);
        var z = zhongshan.milestones(received, Complexity.GENERAL, false);
        assertThat(z.contactBy()).isEqualTo(received.plusSeconds(3600));
        assertThat(z.replyBy()).isEqualTo(OffsetDateTime.parse("2026-03-05T23:59:59+08:00").toInstant());
        assertThat(z.resolveBy()).isEqualTo(OffsetDateTime.parse("2026-03-09T23:59:59+08:00").toInstant());
    }
}
