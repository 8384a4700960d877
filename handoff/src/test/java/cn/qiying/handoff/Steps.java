package cn.qiying.handoff;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.ActionInput;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** Ticket actions as a test writes them: the REST name and JSON body, the test failing on a refusal it did not expect. */
@Component
public class Steps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Tickets tickets;

    Steps(Tickets tickets) {
        this.tickets = tickets;
    }

    public Ticket act(String no, Actor actor, String action) {
        return act(no, actor, action, "{}");
    }

    public Ticket act(String no, Actor actor, String action, String json) {
        return attempt(no, actor, action, json).orElseThrow(r -> new AssertionError(action + " on " + no + " by " + actor.name()
                + " refused: " + r.messageKey() + " " + r.arguments()));
    }

    public Outcome<Ticket> attempt(String no, Actor actor, String action) {
        return attempt(no, actor, action, "{}");
    }

    /** As staff would: a lost race to the app's own background work (triggers, pushes' bookkeeping) is tried again. */
    public Outcome<Ticket> attempt(String no, Actor actor, String action, String json) {
        ActionInput input = ActionInput.of(JSON.readTree(json));
        Outcome<Ticket> outcome = tickets.act(no, action, input, actor);
        for (int attempt = 1; attempt < 5 && outcome.refusal() instanceof Refusal.LostRace; attempt++) {
            outcome = tickets.act(no, action, input, actor);
        }
        return outcome;
    }

    /** Feeds pending ticket events to their handlers (pushes, triggers) once. */
    public int drain() {
        return tickets.drainEvents();
    }
}
