package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 重启: the centre reopens a finished ticket (an unsatisfied rating, a new fact); its clocks start again. */
record Reopen(String reason) implements TicketAction {

    public String name() { return "reopen"; }
    public TicketStatus target(Ticket t) { return TicketStatus.REOPENED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(reason, "reopen-reason"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setCounters(t.getCounters().reopened());
        t.setResolvedAt(null);
        t.setContactedAt(null);
        t.setFirstReplyAt(null);
        t.setWindowStart(now);
        t.setFlags(t.getFlags().withoutTimers());
        t.setDeadlines(ctx.milestones(t));
        return reason.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Reopen("-"); }
        public int order() { return 100; }
        public boolean caution() { return true; }
        public String departmentAfter(Ticket t) { return null; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Reopen(in.text("reason"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("reason", "reopen-reason")); }
    }
}
