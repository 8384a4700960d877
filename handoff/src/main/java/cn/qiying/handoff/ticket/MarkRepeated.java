package cn.qiying.handoff.ticket;

import java.time.Instant;

import cn.qiying.handoff.staff.Actor;

/** Repeated or clustered appeals (多次或集中反映): flagged and supervised by the system. */
public record MarkRepeated(SupervisionEntry.Reason reason, String note) implements TicketAction {

    public String name() { return "repeated"; }
    public TicketStatus target(Ticket t) { return null; }
    public boolean permits(Actor a, Ticket t) { return a == Actor.SYSTEM; }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setFlags(t.getFlags().withRepeated().withSupervised());
        t.addSupervision(new SupervisionEntry(reason, note, now, Actor.SYSTEM.name()));
        return note;
    }
}
