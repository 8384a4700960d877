package cn.qiying.handoff.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;

/** What the dashboard shows for a period: the trend of the three rates, the department ranking, hot categories and districts. */
@Component
public class DashboardFigures {

    public static final String UNASSIGNED = "unassigned";

    private final TicketStats stats;
    private final Departments departments;

    DashboardFigures(TicketStats stats, Departments departments) {
        this.stats = stats;
        this.departments = departments;
    }

    public record Ranked(int rank, String department, long tickets, long resolved, Double resolutionRate, Double satisfactionRate,
                         Double onTimeRate, long returns, long redos, Double averageHandlingHours) {
    }

    /** @param day the first day of the point (a week from it when the period is longer than a month) */
    public record Point(LocalDate day, boolean week, Double resolution, Double satisfaction, Double onTime, long tickets) {
    }

    public record Count(String name, long value) {
    }

    public record Charts(TicketStats.Figures overall, List<Point> trend, List<Ranked> departments, List<Count> categories,
                         List<Count> districts) {
    }

    public Charts charts(StatsPeriod period, int topCategories, int topDistricts) {
        TicketStats.Report report = stats.between(period.start(), period.end());
        return new Charts(report.overall(), trend(period), ranking(report), top(report.byCategory(), topCategories),
                top(report.byDistrict(), topDistricts));
    }

    /** Daily points for a month or less, else weekly. */
    public List<Point> trend(StatsPeriod period) {
        int step = period.days() <= 31 ? 1 : 7;
        List<Point> out = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(step)) {
            LocalDate last = d.plusDays(step - 1).isAfter(period.to()) ? period.to() : d.plusDays(step - 1);
            StatsPeriod span = new StatsPeriod(d, last);
            var f = stats.between(span.start(), span.end()).overall();
            out.add(new Point(d, step > 1, f.resolutionRate(), f.satisfactionRate(), f.onTimeRate(), f.tickets()));
        }
        return out;
    }

    /** Departments by resolution, then satisfaction, then on-time rate, best first. */
    public List<Ranked> ranking(TicketStats.Report report) {
        List<Map.Entry<String, TicketStats.Figures>> entries = new ArrayList<>(report.byDepartment().entrySet());
        entries.removeIf(e -> e.getKey().equals(UNASSIGNED));
        entries.sort(Comparator.comparing((Map.Entry<String, TicketStats.Figures> e) -> orLowest(e.getValue().resolutionRate())).reversed()
                .thenComparing(e -> orLowest(e.getValue().satisfactionRate()), Comparator.reverseOrder())
                .thenComparing(e -> orLowest(e.getValue().onTimeRate()), Comparator.reverseOrder()));
        List<Ranked> out = new ArrayList<>();
        for (var e : entries) {
            var f = e.getValue();
            out.add(new Ranked(out.size() + 1, departments.nameOf(e.getKey()), f.tickets(), f.resolved(), f.resolutionRate(),
                    f.satisfactionRate(), f.onTimeRate(), f.returns(), f.redos(), f.averageHandlingHours()));
        }
        return out;
    }

    public static List<Count> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static double orLowest(Double d) {
        return d == null ? -1 : d;
    }
}
