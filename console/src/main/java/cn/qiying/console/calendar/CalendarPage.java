package cn.qiying.console.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.calendar.CalendarYear;
import cn.qiying.handoff.sla.DeadlinePolicy;
import cn.qiying.handoff.sla.Limit;
import cn.qiying.handoff.sla.SlaPreset;
import cn.qiying.handoff.sla.SlaProperties;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.platform.time.ClockConfiguration;

/** The working-day calendar of a year and the city's time limits, as the desk counts them. */
@Controller
class CalendarPage {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final DeadlinePolicy deadlines;
    private final SlaProperties sla;
    private final ConsoleLabels labels;
    private final Clock clock;

    CalendarPage(DeadlinePolicy deadlines, SlaProperties sla, ConsoleLabels labels, Clock clock) {
        this.deadlines = deadlines;
        this.sla = sla;
        this.labels = labels;
        this.clock = clock;
    }

    record Cell(int day, String kind) {
    }

    record MonthView(int month, List<List<Cell>> weeks) {
    }

    record LimitRow(String step, String limit) {
    }

    @GetMapping("/console/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        StaffCaller.current();
        int shown = year != null && year > 2000 && year < 2100 ? year : clock.instant().atZone(ClockConfiguration.SHANGHAI).getYear();
        CalendarYear calendar = CalendarYear.of(deadlines.calendar(), shown);
        SlaPreset preset = deadlines.preset();
        model.addAttribute("year", shown);
        model.addAttribute("published", deadlines.calendar().publishedYears());
        model.addAttribute("known", calendar.published());
        model.addAttribute("months", calendar.months().stream().map(m -> new MonthView(m.month(), m.weeks().stream()
                .map(w -> w.stream().map(d -> d == null ? null : new Cell(d.day(), d.kind().key())).toList()).toList())).toList());
        model.addAttribute("daysOff", days(calendar.daysOff()));
        model.addAttribute("makeUp", days(calendar.makeUpDays()));
        model.addAttribute("preset", preset.name());
        model.addAttribute("limits", preset.steps().stream().map(s -> new LimitRow(step(s), limit(s.limit()))).toList());
        LocalTime closing = sla.closingTime();
        model.addAttribute("closing", closing == null ? "24:00" : closing.toString());
        model.addAttribute("afterHoursNextDay", sla.afterHoursNextDay());
        model.addAttribute("nearFraction", Math.round(sla.nearDeadlineFraction() * 100));
        model.addAttribute("nav", "calendar");
        return "console/calendar";
    }

    private static List<String> days(List<LocalDate> days) {
        return days.stream().map(MONTH_DAY::format).toList();
    }

    private String step(SlaPreset.StepLimit s) {
        return s.complexity() == null ? labels.text("sla.step." + s.step())
                : labels.text("sla.step.resolve-by", labels.text("ticket.complexity." + s.complexity().json()));
    }

    private String limit(Limit limit) {
        return limit == null ? labels.text("sla.limit.none")
                : labels.text("sla.limit." + limit.unit().name().toLowerCase(java.util.Locale.ROOT), limit.amount());
    }
}
