package cn.qiying.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.stats.TicketStats;
import cn.qiying.handoff.web.StaffCaller;
import cn.qiying.platform.time.ClockConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** Assessment at a glance: rates over time and per department (ECharts), the department ranking, hot categories and districts; Excel export. */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DAYS = 366;

    private final TicketStats stats;
    private final Departments departments;
    private final Clock clock;

    DashboardController(TicketStats stats, Departments departments, Clock clock) {
        this.stats = stats;
        this.departments = departments;
        this.clock = clock;
    }

    record Ranked(int rank, String department, long tickets, long resolved, Double resolutionRate, Double satisfactionRate,
                  Double onTimeRate, long returns, long redos, Double averageHandlingHours) {
    }

    record Point(String label, Double resolution, Double satisfaction, Double onTime, long tickets) {
    }

    record Count(String name, long value) {
    }

    record Charts(List<Point> trend, List<Ranked> departments, List<Count> categories, List<Count> districts) {
    }

    record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return from.atStartOfDay(ClockConfiguration.SHANGHAI).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ClockConfiguration.SHANGHAI).toInstant();
        }
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        Period period = period(from, to);
        TicketStats.Report report = stats.between(period.start(), period.end());
        Charts charts = new Charts(trend(period), ranking(report), top(report.byCategory(), 10), top(report.byDistrict(), 15));
        model.addAttribute("period", period);
        model.addAttribute("overall", report.overall());
        model.addAttribute("charts", charts);
        model.addAttribute("chartsJson", JSON.writeValueAsString(charts));
        model.addAttribute("nav", "dashboard");
        return "console/dashboard";
    }

    @GetMapping("/console/dashboard.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        Period period = period(from, to);
        TicketStats.Report report = stats.between(period.start(), period.end());
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var o = report.overall();
            Sheet overall = book.createSheet("总体");
            rows(overall, List.of(List.of("统计区间", period.from() + " 至 " + period.to()), List.of("工单数", o.tickets()),
                    List.of("办结数", o.resolved()), List.of("解决率", rate(o.resolutionRate())), List.of("满意率", rate(o.satisfactionRate())),
                    List.of("按时办结率", rate(o.onTimeRate())), List.of("退回次数", o.returns()), List.of("重办次数", o.redos()),
                    List.of("平均办理时长（小时）", o.averageHandlingHours() == null ? "" : o.averageHandlingHours())));
            List<List<Object>> ranked = new ArrayList<>();
            ranked.add(List.of("排名", "部门", "工单数", "办结数", "解决率", "满意率", "按时办结率", "退回", "重办", "平均办理时长（小时）"));
            for (Ranked r : ranking(report)) {
                ranked.add(List.of(r.rank(), r.department(), r.tickets(), r.resolved(), rate(r.resolutionRate()), rate(r.satisfactionRate()),
                        rate(r.onTimeRate()), r.returns(), r.redos(), r.averageHandlingHours() == null ? "" : r.averageHandlingHours()));
            }
            rows(book.createSheet("部门排名"), ranked);
            List<List<Object>> trend = new ArrayList<>();
            trend.add(List.of("日期", "工单数", "解决率", "满意率", "按时办结率"));
            trend(period).forEach(p -> trend.add(List.of(p.label(), p.tickets(), rate(p.resolution()), rate(p.satisfaction()), rate(p.onTime()))));
            rows(book.createSheet("趋势"), trend);
            rows(book.createSheet("热点类别"), counts("类别", top(report.byCategory(), 1000)));
            rows(book.createSheet("区县分布"), counts("区县", top(report.byDistrict(), 1000)));
            book.write(out);
            String name = "企业诉求统计_" + period.from() + "_" + period.to() + ".xlsx";
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Period period(String from, String to) {
        LocalDate today = clock.instant().atZone(ClockConfiguration.SHANGHAI).toLocalDate();
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
            LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : LocalDate.parse(from);
            if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                throw ConsoleProblems.badRequest("统计区间应为开始不晚于结束、最长一年");
            }
            return new Period(start, end);
        } catch (DateTimeParseException e) {
            throw ConsoleProblems.badRequest("日期格式应为 yyyy-MM-dd");
        }
    }

    /** Daily points for a month or less, else weekly. */
    private List<Point> trend(Period period) {
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        int step = days <= 31 ? 1 : 7;
        List<Point> out = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(step)) {
            LocalDate last = d.plusDays(step - 1).isAfter(period.to()) ? period.to() : d.plusDays(step - 1);
            var f = stats.between(new Period(d, last).start(), new Period(d, last).end()).overall();
            out.add(new Point(step == 1 ? d.toString().substring(5) : d.toString().substring(5) + "起", f.resolutionRate(),
                    f.satisfactionRate(), f.onTimeRate(), f.tickets()));
        }
        return out;
    }

    private List<Ranked> ranking(TicketStats.Report report) {
        List<Map.Entry<String, TicketStats.Figures>> entries = new ArrayList<>(report.byDepartment().entrySet());
        entries.removeIf(e -> e.getKey().equals("unassigned"));
        entries.sort(Comparator.comparing((Map.Entry<String, TicketStats.Figures> e) -> nz(e.getValue().resolutionRate())).reversed()
                .thenComparing(e -> nz(e.getValue().satisfactionRate()), Comparator.reverseOrder())
                .thenComparing(e -> nz(e.getValue().onTimeRate()), Comparator.reverseOrder()));
        List<Ranked> out = new ArrayList<>();
        for (var e : entries) {
            var f = e.getValue();
            out.add(new Ranked(out.size() + 1, departments.nameOf(e.getKey()), f.tickets(), f.resolved(), f.resolutionRate(),
                    f.satisfactionRate(), f.onTimeRate(), f.returns(), f.redos(), f.averageHandlingHours()));
        }
        return out;
    }

    private static List<Count> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static List<List<Object>> counts(String what, List<Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(what, "工单数"));
        counts.forEach(c -> rows.add(List.of(c.name(), c.value())));
        return rows;
    }

    private static void rows(Sheet sheet, List<List<Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            List<Object> values = rows.get(i);
            for (int j = 0; j < values.size(); j++) {
                Object v = values.get(j);
                if (v instanceof Number n) {
                    row.createCell(j).setCellValue(n.doubleValue());
                } else {
                    row.createCell(j).setCellValue(String.valueOf(v)); // a string cell: text from users never becomes a formula
                }
            }
        }
        for (int j = 0; j < (rows.isEmpty() ? 0 : rows.get(0).size()); j++) {
            sheet.setColumnWidth(j, 18 * 256);
        }
    }

    private static String rate(Double r) {
        return r == null ? "—" : String.format("%.1f%%", r * 100);
    }

    private static double nz(Double d) {
        return d == null ? -1 : d;
    }

}
