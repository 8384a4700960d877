package cn.qiying.handoff.ticket;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.calendar.DeadlinePolicy;
import cn.qiying.handoff.calendar.SlaProperties;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;

/**
 * Performs an action on a ticket: visibility, permission and the status machine are checked, then the new version
 * is written with a compare-and-set on the version read. Whoever loses a race gets a 409 naming the current status.
 */
@Component
public class TicketTransitions {

    private final TicketStore store;
    private final Clock clock;
    private final TransitionContext context;
    private final double nearFraction;
    private final StatusLabels labels;

    TicketTransitions(TicketStore store, Clock clock, DeadlinePolicy deadlines, Departments departments,
                      ResponsibilityList responsibilities, SlaProperties sla, StatusLabels labels) {
        this.store = store;
        this.clock = clock;
        this.context = new TransitionContext(deadlines, departments, responsibilities, store);
        this.nearFraction = sla.nearDeadlineFraction();
        this.labels = labels;
    }

    /** Whether a staff user may see the ticket at all: handlers only their department's (lead or co-handling). */
    public static boolean visible(Actor actor, Ticket ticket) {
        if (actor.roles().isEmpty()) {
            return true; // the system or the enterprise itself, never a REST caller
        }
        return actor.seesAll() || (actor.is(StaffRole.HANDLER) && ticket.involves(actor.department()));
    }

    /** Whether the actor may take the action on the ticket now: what {@link #perform} checks before it writes. */
    public static boolean allows(Actor actor, Ticket ticket, TicketAction action) {
        return visible(actor, ticket) && action.permits(actor, ticket) && statusAllows(ticket, action);
    }

    private static boolean statusAllows(Ticket ticket, TicketAction action) {
        TicketStatus target = action.target(ticket);
        return target == null ? action.allowedWithoutMove(ticket) : ticket.getStatus().canMoveTo(target);
    }

    public Ticket perform(String no, TicketAction action, Actor actor) {
        Ticket current = store.find(no).orElseThrow(() -> TicketProblems.notFound(no));
        if (!visible(actor, current)) {
            throw TicketProblems.notFound(no);
        }
        if (!action.permits(actor, current)) {
            throw TicketProblems.forbidden("对工单 " + no + " 执行 " + action.name());
        }
        TicketStatus target = action.target(current);
        if (!statusAllows(current, action)) {
            throw TicketProblems.illegalTransition(no, current.getStatus(), action.name(), labels.label(current.getStatus()));
        }
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
            case OK -> next;
            case CONFLICT -> throw TicketProblems.concurrentChange(no, write.value());
            case MISSING, EXISTS -> throw TicketProblems.notFound(no);
        };
    }

    /** Retries on a lost race; for the system's own actions, which must land (flags, triggers). */
    public Ticket performAsSystem(String no, TicketAction action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return perform(no, action, Actor.SYSTEM);
            } catch (org.springframework.web.ErrorResponseException e) {
                if (attempt >= 5 || !"Concurrent change".equals(e.getBody().getTitle())) {
                    throw e;
                }
            }
        }
    }
}
