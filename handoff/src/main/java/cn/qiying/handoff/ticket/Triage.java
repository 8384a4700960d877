package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 研判: the centre classifies the ticket (complexity, category); a major matter is supervised at once. */
record Triage(Complexity complexity, String category) implements TicketAction {

    public String name() { return "triage"; }
    public TicketStatus target(Ticket t) { return TicketStatus.TRIAGED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }

    public Optional<Refusal> check(Ticket t, TransitionContext ctx) {
        return complexity == null ? Optional.of(Refusal.invalid("ticket.refusal.complexity")) : TicketAction.optional(category, "category");
    }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        t.setComplexity(complexity);
        if (category != null && !category.isBlank()) {
            t.setCategory(category.trim());
        }
        var suggestion = ctx.suggest(t);
        t.setSuggestion(suggestion.department(), suggestion.department() == null ? null : suggestion.confidence());
        t.setDeadlines(ctx.milestones(t));
        if (complexity == Complexity.MAJOR) {
            t.setFlags(t.getFlags().withSupervised());
            t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.MAJOR, ctx.text("ticket.note.major"), now, a.name()));
        }
        return ctx.text("ticket.complexity." + complexity.json()) + (t.getCategory() == null ? "" : " / " + t.getCategory());
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Triage(Complexity.GENERAL, null); }
        public int order() { return 10; }
        public String departmentAfter(Ticket t) { return null; }

        public Outcome<TicketAction> parse(ActionInput in) {
            String value = in.text("complexity");
            Complexity complexity = value == null ? null : Complexity.find(value).orElse(null);
            if (value != null && complexity == null) {
                return Outcome.refused(Refusal.invalid("ticket.refusal.complexity"));
            }
            return Outcome.done(new Triage(complexity, in.text("category")));
        }

        public List<FormField> form(Ticket t, Departments departments) {
            List<FormField.Option> levels = new ArrayList<>();
            Complexity current = t.getComplexity() == null ? Complexity.GENERAL : t.getComplexity();
            for (Complexity c : Complexity.values()) {
                levels.add(FormField.Option.keyed(c.json(), "ticket.field.complexity." + c.json(), c == current));
            }
            return List.of(FormField.select("complexity", "complexity", levels), FormField.input("category", "category", false));
        }
    }
}
