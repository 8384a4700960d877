package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.Optional;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.platform.refusal.Refusal;

/**
 * One thing that can happen to a ticket: who may do it, which status it leads to, what is wrong with its arguments and
 * what it changes. {@link TicketTransitions} checks the status machine and writes the result atomically. Staff actions
 * also have a {@link StaffActionType} (their name in the REST API, their parsing and their console form).
 */
public interface TicketAction {

    int MAX_TEXT = 2000;

    /** The action's name in the REST API and the history. */
    String name();

    /** The status after the action, or null when the status stays (supervision, flags). */
    TicketStatus target(Ticket ticket);

    /** Whether the actor may do this to this ticket (visibility is checked before). */
    boolean permits(Actor actor, Ticket ticket);

    /** What is wrong with the action's arguments for this ticket; empty when it can be applied. */
    default Optional<Refusal> check(Ticket ticket, TransitionContext context) {
        return Optional.empty();
    }

    /** Changes the copy (the arguments were checked); returns the note for the history. */
    String apply(Ticket ticket, Actor actor, Instant now, TransitionContext context);

    /** For actions that keep the status: may it happen now? */
    default boolean allowedWithoutMove(Ticket ticket) {
        return ticket.getStatus().isOpen();
    }

    /** The lead department's handler, or an admin. */
    static boolean leadDepartment(Actor a, Ticket t) {
        return a.is(cn.qiying.handoff.staff.StaffRole.ADMIN)
                || (a.is(cn.qiying.handoff.staff.StaffRole.HANDLER) && a.department() != null && a.department().equals(t.getDepartment()));
    }

    /** A required free text: present, and not longer than {@link #MAX_TEXT}; {@code field} names it (bundle key suffix). */
    static Optional<Refusal> required(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.of(Refusal.invalid("ticket.refusal.required", Refusal.text(FormField.labelKey(field))));
        }
        return optional(value, field);
    }

    /** An optional free text: not longer than {@link #MAX_TEXT}. */
    static Optional<Refusal> optional(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            return Optional.of(Refusal.invalid("ticket.refusal.too-long", Refusal.text(FormField.labelKey(field)), MAX_TEXT));
        }
        return Optional.empty();
    }
}
