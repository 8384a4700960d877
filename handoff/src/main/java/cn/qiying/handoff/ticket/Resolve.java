package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 办结: the department's written result; the centre's quality check comes next. */
record Resolve(String result) implements TicketAction {

    public String name() { return "resolve"; }
    public TicketStatus target(Ticket t) { return TicketStatus.RESOLVED; }
    public boolean permits(Actor a, Ticket t) { return TicketAction.leadDepartment(a, t); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(result, "result"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setResult(result.trim());
        t.setResolvedAt(now);
        if (t.getContactedAt() == null) {
            t.setContactedAt(now);
        }
        if (t.getFirstReplyAt() == null) {
            t.setFirstReplyAt(now);
        }
        return result.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Resolve("-"); }
        public int order() { return 60; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Resolve(in.text("result"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("result", "result")); }
    }
}
