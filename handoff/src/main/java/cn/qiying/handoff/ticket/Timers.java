package cn.qiying.handoff.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.qiying.handoff.sla.Milestones;

/** The deadline thresholds still ahead of a ticket: for each open milestone, near (a fraction of its window) and overdue. */
final class Timers {

    private Timers() {
    }

    static List<Timer> of(Ticket t, double nearFraction) {
        List<Timer> timers = new ArrayList<>();
        if (!t.getStatus().isOpen() || t.getStatus().isResolved()) {
            return timers;
        }
        Milestones d = t.getDeadlines();
        if (t.getContactedAt() == null) {
            add(timers, t, "contact", d.contactBy(), nearFraction);
        }
        if (t.getFirstReplyAt() == null) {
            add(timers, t, "reply", d.replyBy(), nearFraction);
        }
        add(timers, t, "resolve", d.resolveBy(), nearFraction);
        return timers;
    }

    static boolean active(Ticket t, String milestone) {
        if (!t.getStatus().isOpen() || t.getStatus().isResolved()) {
            return false;
        }
        return switch (milestone) {
            case "contact" -> t.getContactedAt() == null && t.getDeadlines().contactBy() != null;
            case "reply" -> t.getFirstReplyAt() == null && t.getDeadlines().replyBy() != null;
            default -> t.getDeadlines().resolveBy() != null;
        };
    }

    private static void add(List<Timer> timers, Ticket t, String milestone, Instant due, double nearFraction) {
        if (due == null) {
            return;
        }
        Instant start = t.getWindowStart();
        long window = Math.max(0, Duration.between(start, due).toMillis());
        Instant near = start.plusMillis((long) (window * nearFraction));
        if (!t.firedTimers().contains(milestone + "|near")) {
            timers.add(new Timer(t.getNo(), milestone, "near", near));
        }
        if (!t.firedTimers().contains(milestone + "|overdue")) {
            timers.add(new Timer(t.getNo(), milestone, "overdue", due));
        }
    }
}
