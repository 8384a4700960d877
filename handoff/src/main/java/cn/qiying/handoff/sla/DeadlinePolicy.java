package cn.qiying.handoff.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import cn.qiying.handoff.calendar.WorkingCalendar;
import cn.qiying.platform.time.ClockConfiguration;

/** Computes a ticket's milestones from its receipt on the working-day calendar and the city's preset. */
public final class DeadlinePolicy {

    private final WorkingCalendar calendar;
    private final SlaPreset preset;
    private final LocalTime closingTime;
    private final boolean afterHoursNextDay;

    public DeadlinePolicy(WorkingCalendar calendar, SlaPreset preset, LocalTime closingTime, boolean afterHoursNextDay) {
        this.calendar = calendar;
        this.preset = preset;
        this.closingTime = closingTime;
        this.afterHoursNextDay = afterHoursNextDay;
    }

    public SlaPreset preset() {
        return preset;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** @param multiDepartment the ticket has co-handling departments (Jinan extends complex ones) */
    public Milestones milestones(Instant receivedAt, Complexity complexity, boolean multiDepartment) {
        Limit resolve = preset.resolve(complexity);
        if (preset.extended() != null && multiDepartment && (complexity == Complexity.COMPLEX || complexity == Complexity.MAJOR)) {
            resolve = preset.extended();
        }
        return new Milestones(due(receivedAt, preset.contact()), due(receivedAt, preset.reply()), due(receivedAt, resolve));
    }

    /** End of the limit counted from receipt, or null when there is no limit. */
    public Instant due(Instant receivedAt, Limit limit) {
        if (limit == null) {
            return null;
        }
        if (limit.unit() == Limit.Unit.HOURS) {
            return receivedAt.plusSeconds(3600L * limit.amount());
        }
        ZonedDateTime received = receivedAt.atZone(ClockConfiguration.SHANGHAI);
        LocalDate receiptDay = received.toLocalDate();
        if (afterHoursNextDay && (!calendar.isWorkingDay(receiptDay)
                || (closingTime != null && !received.toLocalTime().isBefore(closingTime)))) {
            receiptDay = calendar.nextWorkingDay(receiptDay);
        }
        LocalDate dueDay = calendar.addWorkingDays(receiptDay, limit.amount());
        return closingTime == null
                ? dueDay.plusDays(1).atStartOfDay(ClockConfiguration.SHANGHAI).toInstant().minusSeconds(1)
                : dueDay.atTime(closingTime).atZone(ClockConfiguration.SHANGHAI).toInstant();
    }
}
