package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 交办: the centre hands the ticket to a lead department, optionally with co-handling departments. */
record Assign(String department, List<String> coDepartments) implements TicketAction {

    public String name() { return "assign"; }
    public TicketStatus target(Ticket t) { return TicketStatus.ASSIGNED; }
    public boolean permits(Actor a, Ticket t) { return a.isCentre(); }

    public Optional<Refusal> check(Ticket t, TransitionContext ctx) {
        Optional<Refusal> missing = TicketAction.required(department, "department");
        if (missing.isPresent()) {
            return missing;
        }
        for (String d : all()) {
            if (ctx.departmentId(d).isEmpty()) {
                return Optional.of(Refusal.invalid("ticket.refusal.unknown-department", d));
            }
        }
        return Optional.empty();
    }

    private List<String> all() {
        List<String> out = new ArrayList<>();
        out.add(department);
        if (coDepartments != null) {
            out.addAll(coDepartments);
        }
        return out;
    }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        String lead = ctx.departmentId(department).orElseThrow();
        LinkedHashSet<String> co = new LinkedHashSet<>();
        for (String d : coDepartments == null ? List.<String>of() : coDepartments) {
            String id = ctx.departmentId(d).orElseThrow();
            if (!id.equals(lead)) {
                co.add(id);
            }
        }
        t.setDepartment(lead);
        t.setCoDepartments(new ArrayList<>(co));
        if (t.getComplexity() == null) {
            t.setComplexity(Complexity.GENERAL);
        }
        t.setDeadlines(ctx.milestones(t));
        return co.isEmpty() ? ctx.text("ticket.note.assigned", ctx.departmentName(lead))
                : ctx.text("ticket.note.assigned-with", ctx.departmentName(lead), String.join("、", co.stream().map(ctx::departmentName).toList()));
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Assign("-", List.of()); }
        public int order() { return 20; }
        public String departmentAfter(Ticket t) { return t.getSuggestedDepartment(); }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Assign(in.text("department"), in.list("coDepartments"))); }

        public List<FormField> form(Ticket t, Departments departments) {
            String suggested = t.getSuggestedDepartment();
            String selected = suggested == null ? t.getDepartment() : suggested;
            List<FormField.Option> lead = new ArrayList<>();
            if (selected == null) {
                lead.add(FormField.Option.keyed("", "ticket.field.choose", true));
            }
            List<FormField.Option> co = new ArrayList<>();
            for (Department d : departments.all()) {
                lead.add(FormField.Option.named(d.id(), d.name(), d.id().equals(selected)));
                co.add(FormField.Option.named(d.id(), d.name(), false));
            }
            Object suggestion = suggested == null ? Refusal.text("ticket.field.no-suggestion") : departments.nameOf(suggested);
            return List.of(new FormField("department", FormField.labelKey("department-suggested"), List.of(suggestion), "select", lead, true),
                    new FormField("coDepartments", FormField.labelKey("co-departments"), List.of(), "multiselect", co, false));
        }
    }
}
