package cn.qiying.handoff.ticket;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** Which tickets a staff user may list: everyone but a handler sees all; a handler only its own department's (lead or co-handling). */
final class TicketScope {

    private TicketScope() {
    }

    /**
     * The query narrowed to what the actor may see.
     *
     * @param department the department id asked for, or null for any
     */
    static Outcome<TicketQuery> of(Actor actor, TicketQuery query, String department) {
        if (actor.seesAll()) {
            return Outcome.done(query.withDepartment(department));
        }
        if (department != null && !department.equals(actor.department())) {
            return Outcome.refused(Refusal.notAllowed("ticket.refusal.other-department"));
        }
        return Outcome.done(query.withDepartment(actor.department()));
    }
}
