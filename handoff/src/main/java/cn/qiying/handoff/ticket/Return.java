package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 退回: the department sends a ticket that is not its own back to the centre, with the reason. */
record Return(String reason) implements TicketAction {

    public String name() { return "return"; }
    public TicketStatus target(Ticket t) { return TicketStatus.RETURNED; }
    public boolean permits(Actor a, Ticket t) { return TicketAction.leadDepartment(a, t); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(reason, "return-reason"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setCounters(t.getCounters().returned());
        t.setDepartment(null);
        t.setCoDepartments(List.of());
        return reason.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Return("-"); }
        public int order() { return 80; }
        public boolean caution() { return true; }
        public String departmentAfter(Ticket t) { return null; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Return(in.text("reason"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("reason", "return-reason")); }
    }
}
