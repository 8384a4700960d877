package cn.qiying.handoff.ticket;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;

/** 签收: the lead department takes the ticket on. */
record Accept() implements TicketAction {

    public String name() { return "accept"; }
    public TicketStatus target(Ticket t) { return TicketStatus.ACCEPTED; }
    public boolean permits(Actor a, Ticket t) { return TicketAction.leadDepartment(a, t); }
    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) { return null; }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Accept(); }
        public int order() { return 30; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Accept()); }
    }
}
