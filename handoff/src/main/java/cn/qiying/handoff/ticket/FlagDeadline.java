package cn.qiying.handoff.ticket;

import java.time.Instant;

import cn.qiying.handoff.staff.Actor;

/** The sweeper marks a milestone near its deadline or overdue (临期, 超期): both put the ticket under supervision. */
public record FlagDeadline(String milestone, String stage) implements TicketAction {

    public static final String OVERDUE = "overdue";

    public String name() { return OVERDUE.equals(stage) ? OVERDUE : "near-deadline"; }
    public TicketStatus target(Ticket t) { return null; }
    public boolean permits(Actor a, Ticket t) { return a == Actor.SYSTEM; }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.fired(milestone + "|" + stage);
        boolean overdue = OVERDUE.equals(stage);
        t.setFlags((overdue ? t.getFlags().withOverdue() : t.getFlags().withNearDeadline()).withSupervised());
        t.addSupervision(new SupervisionEntry(overdue ? SupervisionEntry.Reason.OVERDUE : SupervisionEntry.Reason.NEAR_DEADLINE,
                milestone, now, Actor.SYSTEM.name()));
        return milestone;
    }
}
