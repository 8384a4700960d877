package cn.qiying.console.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;

/**
 * One line of a queue.
 *
 * @param flags keys of {@code console.flag.*}: overdue, near, supervised, repeated, unsatisfied
 */
record TicketRow(String no, String status, String statusLabel, String kind, String enterprise, String summary,
                 String department, String resolveBy, long resolveByMillis, String remaining, boolean overdue,
                 List<String> flags, String receivedAt) {

    private static final int SUMMARY = 60;

    static TicketRow of(Ticket t, Departments departments, StatusLabels labels, ConsoleLabels console, Instant now) {
        Instant due = t.getDeadlines().resolveBy();
        String text = t.getDescription() == null ? "" : t.getDescription();
        boolean open = t.getStatus().isOpen() && !t.getStatus().isResolved();
        return new TicketRow(t.getNo(), t.getStatus().json(), labels.label(t.getStatus()), labels.kind(t.getKind()),
                t.getEnterprise() == null ? "" : t.getEnterprise().name(),
                text.length() > SUMMARY ? text.substring(0, SUMMARY) + "…" : text,
                t.getDepartment() == null ? "" : departments.nameOf(t.getDepartment()),
                ConsoleLabels.time(due), due == null ? 0 : due.toEpochMilli(),
                open ? console.remaining(due, now) : "", open && due != null && due.isBefore(now), flags(t), ConsoleLabels.time(t.getReceivedAt()));
    }

    static List<String> flags(Ticket t) {
        List<String> out = new ArrayList<>();
        if (t.getFlags().overdue()) {
            out.add("overdue");
        } else if (t.getFlags().nearDeadline()) {
            out.add("near");
        }
        if (t.getFlags().supervised()) {
            out.add("supervised");
        }
        if (t.getFlags().repeated()) {
            out.add("repeated");
        }
        if (t.getRating() != null && t.getRating().rating() == Rating.UNSATISFIED) {
            out.add("unsatisfied");
        }
        return out;
    }
}
