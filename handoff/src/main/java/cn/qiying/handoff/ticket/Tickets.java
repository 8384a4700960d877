package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/**
 * The ticket desk as the rest of the system sees it: receive, find, search and act, each checked against who asks.
 * The store, the transitions and the event runtime behind it are this package's own.
 */
@Component
public class Tickets {

    /** A staff action the actor may take on the ticket now, with its form. */
    public record AvailableAction(StaffActionType type, List<FormField> form) {
    }

    private final TicketStore store;
    private final TicketTransitions transitions;
    private final TicketIntake intake;
    private final StaffActions actions;
    /** Lazily: the event handlers (pushes, triggers) use this desk themselves. */
    private final ObjectProvider<TicketEventConsumers> consumers;
    private final Departments departments;

    Tickets(TicketStore store, TicketTransitions transitions, TicketIntake intake, StaffActions actions,
            ObjectProvider<TicketEventConsumers> consumers, Departments departments) {
        this.store = store;
        this.transitions = transitions;
        this.intake = intake;
        this.actions = actions;
        this.consumers = consumers;
        this.departments = departments;
    }

    /** Whether a staff user may see the ticket at all: handlers only their department's (lead or co-handling). */
    public static boolean visible(Actor actor, Ticket ticket) {
        return TicketTransitions.visible(actor, ticket);
    }

    /** The ticket, for the system (no visibility check). */
    public Optional<Ticket> find(String no) {
        return store.find(no);
    }

    /** The ticket if the actor may see it. */
    public Optional<Ticket> find(String no, Actor actor) {
        return store.find(no).filter(t -> visible(actor, t));
    }

    public Outcome<Ticket> get(String no, Actor actor) {
        return find(no, actor).<Outcome<Ticket>>map(Outcome::done).orElseGet(() -> Outcome.refused(TicketTransitions.notFound(no)));
    }

    public Optional<Ticket> findByExternalId(String externalId) {
        return store.findByExternalId(externalId).flatMap(store::find);
    }

    /** A search as the system runs it. */
    public TicketQuery.Page search(TicketQuery query) {
        return store.search(query);
    }

    /** A search narrowed to what the actor may see; a handler asking for another department is refused. */
    public Outcome<TicketQuery.Page> search(TicketQuery query, String department, Actor actor) {
        return TicketScope.of(actor, query, department).map(store::search);
    }

    /** Receives a new ticket (or returns the one already received for the same external id). */
    public Ticket receive(Intake appeal, Actor actor) {
        return intake.receive(appeal, actor);
    }

    public Outcome<Ticket> perform(String no, TicketAction action, Actor actor) {
        return transitions.perform(no, action, actor);
    }

    /** The system's own action, retried on a lost race. */
    public Outcome<Ticket> performAsSystem(String no, TicketAction action) {
        return transitions.performAsSystem(no, action);
    }

    /** A staff action by its REST name, with its arguments as given. */
    public Outcome<Ticket> act(String no, String action, ActionInput input, Actor actor) {
        Optional<StaffActionType> type = actions.named(action);
        if (type.isEmpty()) {
            return Outcome.refused(Refusal.notFound("ticket.refusal.no-such-action", action, actions.names()));
        }
        return type.get().parse(input).then(a -> transitions.perform(no, a, actor));
    }

    /** The staff actions the actor may take on the ticket now, in the console's order. */
    public List<AvailableAction> available(Actor actor, Ticket ticket) {
        return actions.all().stream().filter(t -> TicketTransitions.allows(actor, ticket, t.sample()))
                .map(t -> new AvailableAction(t, t.form(ticket, departments))).toList();
    }

    /** Feeds pending ticket events to their handlers once; returns how many were handled. */
    public int drainEvents() {
        return consumers.getObject().drain();
    }

    /** Deadline thresholds due by now (at most {@code max}); the sweeper acts on each, then drops it. */
    public List<Timer> dueTimers(Instant now, int max) {
        return store.dueTimers(now, max);
    }

    public void timerDone(Timer timer) {
        store.dropTimer(timer);
    }

    /** Events given up on after their last attempt, newest first. */
    public List<DeadLetter> deadLetters() {
        return consumers.getObject().deadLetters();
    }
}
