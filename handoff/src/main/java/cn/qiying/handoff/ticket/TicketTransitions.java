package cn.qiying.handoff.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.sla.DeadlinePolicy;
import cn.qiying.handoff.sla.SlaProperties;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/**
 * Performs an action on a ticket: visibility, permission, the status machine and the action's arguments are checked,
 * then the new version is written with a compare-and-set on the version read. Whoever loses a race is refused with
 * the current status.
 */
@Component
class TicketTransitions {

    private static final int SYSTEM_ATTEMPTS = 5;

    private final TicketStore store;
    private final Clock clock;
    private final TransitionContext context;
    private final double nearFraction;
    private final StatusLabels labels;

    TicketTransitions(TicketStore store, Clock clock, DeadlinePolicy deadlines, Departments departments,
                      ResponsibilityList responsibilities, SlaProperties sla, StatusLabels labels) {
        this.store = store;
        this.clock = clock;
        this.context = new TransitionContext(deadlines, departments, responsibilities, store, labels);
        this.nearFraction = sla.nearDeadlineFraction();
        this.labels = labels;
    }

    /** Whether a staff user may see the ticket at all: handlers only their department's (lead or co-handling). */
    static boolean visible(Actor actor, Ticket ticket) {
        if (actor.roles().isEmpty()) {
            return true; // the system or the enterprise itself, never a REST caller
        }
        return actor.seesAll() || (actor.is(StaffRole.HANDLER) && ticket.involves(actor.department()));
    }

    /** Whether the actor may take the action on the ticket now: what {@link #perform} checks before the arguments. */
    static boolean allows(Actor actor, Ticket ticket, TicketAction action) {
        return visible(actor, ticket) && action.permits(actor, ticket) && statusAllows(ticket, action);
    }

    private static boolean statusAllows(Ticket ticket, TicketAction action) {
        TicketStatus target = action.target(ticket);
        return target == null ? action.allowedWithoutMove(ticket) : ticket.getStatus().canMoveTo(target);
    }

    static Refusal notFound(String no) {
        return Refusal.notFound("ticket.refusal.not-found", no);
    }

    Outcome<Ticket> perform(String no, TicketAction action, Actor actor) {
        Optional<Ticket> found = store.find(no).filter(t -> visible(actor, t));
        if (found.isEmpty()) {
            return Outcome.refused(notFound(no));
        }
        Ticket current = found.get();
        if (!action.permits(actor, current)) {
            return Outcome.refused(Refusal.notAllowed("ticket.refusal.not-allowed", no, Refusal.text("ticket.action." + action.name())));
        }
        if (!statusAllows(current, action)) {
            return Outcome.refused(new Refusal.IllegalStep("ticket.refusal.illegal-step",
                    List.of(no, labels.label(current.getStatus()), Refusal.text("ticket.action." + action.name())),
                    Map.of("ticketStatus", current.getStatus().json())));
        }
        Optional<Refusal> wrong = action.check(current, context);
        if (wrong.isPresent()) {
            return Outcome.refused(wrong.get());
        }
        TicketStatus target = action.target(current);
        Instant now = clock.instant();
        Ticket next = current.copy();
        String note = action.apply(next, actor, now, context);
        if (target != null) {
            next.setStatus(target);
        }
        next.append(new HistoryEntry(now, actor.name(), action.name(), current.getStatus(), next.getStatus(), note));
        TicketEvent event = new TicketEvent(no, current.getVersion() + 1, action.name(), current.getStatus(), next.getStatus(), actor.name(), now);
        TicketStore.Write write = store.replace(current.getVersion(), next, event, Timers.of(next, nearFraction));
        return switch (write.result()) {
            case OK -> Outcome.done(next);
            case CONFLICT -> {
                String status = write.value().toLowerCase(java.util.Locale.ROOT);
                yield Outcome.refused(new Refusal.LostRace("ticket.refusal.lost-race",
                        List.of(no, TicketStatus.find(status).map(labels::label).orElse(status)), Map.of("ticketStatus", status)));
            }
            case MISSING, EXISTS -> Outcome.refused(notFound(no));
        };
    }

    /** The system's own actions must land (flags, triggers): a lost race is tried again. */
    Outcome<Ticket> performAsSystem(String no, TicketAction action) {
        Outcome<Ticket> outcome = perform(no, action, Actor.SYSTEM);
        for (int attempt = 1; attempt < SYSTEM_ATTEMPTS && outcome.refusal() instanceof Refusal.LostRace; attempt++) {
            outcome = perform(no, action, Actor.SYSTEM);
        }
        return outcome;
    }
}
