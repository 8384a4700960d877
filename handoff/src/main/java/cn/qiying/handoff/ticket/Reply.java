package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** 阶段性答复: the department tells the enterprise where the matter stands. */
record Reply(String text) implements TicketAction {

    public String name() { return "reply"; }
    public TicketStatus target(Ticket t) { return TicketStatus.REPLIED; }
    public boolean permits(Actor a, Ticket t) { return TicketAction.leadDepartment(a, t); }
    public Optional<Refusal> check(Ticket t, TransitionContext ctx) { return TicketAction.required(text, "reply-text"); }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        if (t.getFirstReplyAt() == null) {
            t.setFirstReplyAt(now);
        }
        if (t.getContactedAt() == null) {
            t.setContactedAt(now);
        }
        t.setCounters(t.getCounters().replied());
        return text.trim();
    }

    @Component
    static final class Type implements StaffActionType {
        public TicketAction sample() { return new Reply("-"); }
        public int order() { return 50; }
        public Outcome<TicketAction> parse(ActionInput in) { return Outcome.done(new Reply(in.text("text"))); }
        public List<FormField> form(Ticket t, Departments d) { return List.of(FormField.text("text", "reply-text")); }
    }
}
