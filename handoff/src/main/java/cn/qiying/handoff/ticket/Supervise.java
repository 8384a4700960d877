package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 督办: a supervisor puts the ticket under supervision, with the reason. */
record Supervise(String reason) implements TicketAction {

    public String name() { return "supervise"; }
    public TicketStatus target(Ticket t) { return null; }
    public boolean permits(Actor a, Ticket t) { return a.is(cn.qiying.handoff.staff.StaffRole.ADMIN) || a.is(cn.qiying.handoff.staff.StaffRole.SUPERVISOR); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(reason, "supervise-reason"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setFlags(t.getFlags().withSupervised());
        t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.MANUAL, reason.trim(), now, a.name()));
        return reason.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Supervise("-"); }
        public int order() { return 90; }
        public boolean caution() { return true; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Supervise(in.text("reason"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("reason", "supervise-reason")); }
    }
}
