package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 不予受理: the centre filters out an appeal that is not the platform's business, with the reason. */
record Reject(String reason) implements TicketAction {

    public String name() { return "reject"; }
    public TicketStatus target(Ticket t) { return TicketStatus.REJECTED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(reason, "reject-reason"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setClosedAt(now);
        return reason.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Reject("-"); }
        public int order() { return 110; }
        public boolean caution() { return true; }
        public String departmentAfter(Ticket t) { return null; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Reject(in.text("reason"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("reason", "reject-reason")); }
    }
}
