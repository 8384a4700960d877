package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 合并: a duplicate appeal is closed into the ticket that already carries the matter. */
record Merge(String into) implements TicketAction {

    public String name() { return "merge"; }
    public TicketStatus target(Ticket t) { return TicketStatus.MERGED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }

    public Optional<Refusal> check(Ticket t, TransitionContext ctx) {
        Optional<Refusal> missing = TicketAction.required(into, "merge-into");
        if (missing.isPresent()) {
            return missing;
        }
        String other = into.trim();
        return other.equals(t.getNo()) || !ctx.exists(other)
                ? Optional.of(Refusal.invalid("ticket.refusal.merge-target", other)) : Optional.empty();
    }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setMergedInto(into.trim());
        t.setClosedAt(now);
        return ctx.text("ticket.note.merged", into.trim());
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Merge("-"); }
        public int order() { return 120; }
        public boolean caution() { return true; }
        public String departmentAfter(Ticket t) { return null; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Merge(in.text("into"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.input("into", "merge-into", true)); }
    }
}
