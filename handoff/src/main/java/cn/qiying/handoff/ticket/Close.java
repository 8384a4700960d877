package cn.qiying.handoff.ticket;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;

/** 关闭: the centre closes the ticket for good. */
record Close() implements TicketAction {

    public String name() { return "close"; }
    public TicketStatus target(Ticket t) { return TicketStatus.CLOSED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setClosedAt(now);
        return null;
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Close(); }
        public int order() { return 130; }
        public boolean caution() { return true; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Close()); }
    }
}
