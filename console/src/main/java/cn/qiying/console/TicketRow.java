package cn.qiying.console;

import java.time.Instant;
import java.util.List;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;

/** One line of a queue. */
record TicketRow(String no, String status, String statusLabel, String kind, String enterprise, String summary,
                 String department, String resolveBy, long resolveByMillis, String remaining, boolean overdue,
                 List<String> flags, String receivedAt) {

    static TicketRow of(Ticket t, Departments departments, StatusLabels labels, Instant now) {
        Instant due = t.getDeadlines().resolveBy();
        String text = t.getDescription() == null ? "" : t.getDescription();
        boolean open = t.getStatus().isOpen() && !t.getStatus().isResolved();
        return new TicketRow(t.getNo(), t.getStatus().json(), labels.label(t.getStatus()), labels.kind(t.getKind()),
                t.getEnterprise() == null ? "" : t.getEnterprise().name(),
                text.length() > 60 ? text.substring(0, 60) + "…" : text,
                t.getDepartment() == null ? "" : departments.nameOf(t.getDepartment()),
                ConsoleLabels.time(due), due == null ? 0 : due.toEpochMilli(),
                open ? ConsoleLabels.remaining(due, now) : "", open && due != null && due.isBefore(now), flags(t), ConsoleLabels.time(t.getReceivedAt()));
    }

    static List<String> flags(Ticket t) {
        List<String> out = new java.util.ArrayList<>();
        if (t.getFlags().overdue()) {
            out.add("超期");
        } else if (t.getFlags().nearDeadline()) {
            out.add("临期");
        }
        if (t.getFlags().supervised()) {
            out.add("督办");
        }
        if (t.getFlags().repeated()) {
            out.add("重复");
        }
        if (t.getRating() != null && t.getRating().rating() == cn.qiying.handoff.appeal.Rating.UNSATISFIED) {
            out.add("不满意");
        }
        return out;
    }
}
