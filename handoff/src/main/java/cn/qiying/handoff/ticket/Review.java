package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 质检: the centre passes the department's result, or sends it back for redo with its comment. */
record Review(Boolean passed, String comment) implements TicketAction {

    public String name() { return "review"; }
    public TicketStatus target(Ticket t) { return Boolean.TRUE.equals(passed) ? TicketStatus.REVIEWED : TicketStatus.REDO; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }

    public Optional<Refusal> check(Ticket t, TransitionContext ctx) {
        if (passed == null) {
            return Optional.of(Refusal.invalid("ticket.refusal.passed"));
        }
        return passed ? TicketAction.optional(comment, "review-comment") : TicketAction.required(comment, "redo-comment");
    }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        if (!passed) {
            t.setCounters(t.getCounters().redone());
            t.setResolvedAt(null);
            return ctx.text("ticket.note.redo", comment.trim());
        }
        return comment == null || comment.isBlank() ? ctx.text("ticket.note.passed") : ctx.text("ticket.note.passed-with", comment.trim());
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Review(true, null); }
        public int order() { return 70; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Review(in.yesNo("passed"), in.text("comment"))); }

        public List<FormField> form(Ticket t, Departments d) {
            return List.of(FormField.select("passed", "passed", List.of(FormField.Option.keyed("true", "ticket.field.passed.yes", true),
                            FormField.Option.keyed("false", "ticket.field.passed.no", false))),
                    FormField.optionalText("comment", "review-comment"));
        }
    }
}
