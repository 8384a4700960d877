package cn.qiying.console.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.stats.DashboardFigures;
import cn.qiying.handoff.stats.StatsPeriod;
import cn.qiying.handoff.stats.StatsWorkbook;
import cn.qiying.platform.time.ClockConfiguration;
import cn.qiying.platform.web.RefusedException;
import tools.jackson.databind.json.JsonMapper;

/** Assessment at a glance: rates over time and per department (ECharts), the department ranking, hot categories and districts; Excel export. */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardFigures figures;
    private final StatsWorkbook workbook;
    private final Clock clock;

    DashboardController(DashboardFigures figures, StatsWorkbook workbook, Clock clock) {
        this.figures = figures;
        this.workbook = workbook;
        this.clock = clock;
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        StatsPeriod period = period(from, to);
        DashboardFigures.Charts charts = figures.charts(period, 10, 15);
        model.addAttribute("period", period);
        model.addAttribute("overall", charts.overall());
        model.addAttribute("charts", charts);
        model.addAttribute("chartsJson", JSON.writeValueAsString(charts));
        model.addAttribute("nav", "dashboard");
        return "console/dashboard";
    }

    @GetMapping("/console/dashboard.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        StatsPeriod period = period(from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(workbook.fileName(period), StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(workbook.of(period));
    }

    private StatsPeriod period(String from, String to) {
        LocalDate today = clock.instant().atZone(ClockConfiguration.SHANGHAI).toLocalDate();
        return StatsPeriod.parse(from, to, today).orElseThrow(RefusedException::new);
    }
}
