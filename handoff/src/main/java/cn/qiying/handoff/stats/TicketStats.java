package cn.qiying.handoff.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.text.Texts;

/**
 * Assessment figures (考核) for tickets received in a period: resolution, satisfaction and on-time rates, returns,
 * redos and average handling time, overall and per lead department, and counts by category and district.
 * Rejected and merged tickets do not count.
 */
@Component
public class TicketStats {

    private static final int PAGE = 1000;
    private final Tickets tickets;
    private final Texts texts;

    TicketStats(Tickets tickets, Texts texts) {
        this.tickets = tickets;
        this.texts = texts;
    }

    public record Figures(long tickets, long resolved, long rated, long satisfied, long onTime, long returns, long redos,
                          Double resolutionRate, Double satisfactionRate, Double onTimeRate, Double averageHandlingHours) {
    }

    public record Report(Instant from, Instant to, Figures overall, Map<String, Figures> byDepartment,
                         Map<String, Long> byCategory, Map<String, Long> byDistrict) {
    }

    private static final class Tally {
        long tickets, resolved, rated, satisfied, onTime, returns, redos;
        long handlingMillis;

        void add(Ticket t) {
            tickets++;
            returns += t.getCounters().returns();
            redos += t.getCounters().redos();
            if (t.getResolvedAt() != null && t.getStatus().isResolved()) {
                resolved++;
                handlingMillis += Duration.between(t.getReceivedAt(), t.getResolvedAt()).toMillis();
                Instant due = t.getDeadlines().resolveBy();
                if (due == null || !t.getResolvedAt().isAfter(due)) {
                    onTime++;
                }
            }
            if (t.getRating() != null) {
                rated++;
                if (t.getRating().rating() != Rating.UNSATISFIED) {
                    satisfied++;
                }
            }
        }

        Figures figures() {
            return new Figures(tickets, resolved, rated, satisfied, onTime, returns, redos, rate(resolved, tickets),
                    rate(satisfied, rated), rate(onTime, resolved),
                    resolved == 0 ? null : Math.round(handlingMillis / 36000.0 / resolved) / 100.0);
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
        }
    }

    public Report between(Instant from, Instant to) {
        Tally overall = new Tally();
        Map<String, Tally> departments = new TreeMap<>();
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> districts = new TreeMap<>();
        TicketQuery query = TicketQuery.all().withReceived(from, to);
        for (int offset = 0; ; offset += PAGE) {
            TicketQuery.Page page = tickets.search(query.page(offset, PAGE));
            for (Ticket t : page.tickets()) {
                if (t.getStatus() == TicketStatus.REJECTED || t.getStatus() == TicketStatus.MERGED) {
                    continue;
                }
                overall.add(t);
                departments.computeIfAbsent(t.getDepartment() == null ? DashboardFigures.UNASSIGNED : t.getDepartment(), d -> new Tally()).add(t);
                categories.merge(t.getCategory() == null ? texts.text("stats.uncategorised") : t.getCategory(), 1L, Long::sum);
                districts.merge(t.getDistrict() == null ? texts.text("stats.no-district") : t.getDistrict(), 1L, Long::sum);
            }
            if (page.tickets().size() < PAGE) {
                break;
            }
        }
        Map<String, Figures> byDepartment = new TreeMap<>();
        departments.forEach((d, tally) -> byDepartment.put(d, tally.figures()));
        return new Report(from, to, overall.figures(), byDepartment, categories, districts);
    }
}
