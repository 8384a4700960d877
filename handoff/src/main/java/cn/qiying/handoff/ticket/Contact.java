package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 联系企业: the department has reached the enterprise; the first contact is what the contact deadline measures. */
record Contact(String note) implements TicketAction {

    public String name() { return "contact"; }
    public TicketStatus target(Ticket t) { return TicketStatus.CONTACTED; }
    public boolean permits(Actor a, Ticket t) { return TicketAction.leadDepartment(a, t); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(note, "contact-note"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        if (t.getContactedAt() == null) {
            t.setContactedAt(now);
        }
        return note.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Contact("-"); }
        public int order() { return 40; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Contact(in.text("note"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("note", "contact-note")); }
    }
}
