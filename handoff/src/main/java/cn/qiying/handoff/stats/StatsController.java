package cn.qiying.handoff.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.time.ClockConfiguration;
import cn.qiying.platform.web.RefusedException;

/** {@code GET /api/stats?from&to}: dates (Shanghai) or ISO instants; default the last 30 days. Centre, supervisors and admins only. */
@RestController
class StatsController {

    private final TicketStats stats;
    private final Clock clock;

    StatsController(TicketStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @GetMapping("/api/stats")
    TicketStats.Report stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        Instant end = to == null ? clock.instant() : parse(to, true);
        Instant start = from == null ? end.minusSeconds(30L * 24 * 3600) : parse(from, false);
        if (!start.isBefore(end)) {
            throw new RefusedException(Refusal.invalid("stats.refusal.order"));
        }
        return stats.between(start, end);
    }

    private static Instant parse(String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ClockConfiguration.SHANGHAI).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RefusedException(Refusal.invalid("stats.refusal.date", text));
        }
    }
}
