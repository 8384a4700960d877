package cn.qiying.handoff.ticket;

import cn.qiying.handoff.staff.Actor;

/** Which tickets a staff user may list: everyone but a handler sees all; a handler only its own department's (lead or co-handling). */
public final class TicketScope {

    private TicketScope() {
    }

    /**
     * The query narrowed to what the actor may see.
     *
     * @param department the department id asked for, or null for any
     */
    public static TicketQuery of(Actor actor, TicketQuery query, String department) {
        if (actor.seesAll()) {
            return query.withDepartment(department);
        }
        if (department != null && !department.equals(actor.department())) {
            throw TicketProblems.forbidden("查看其他部门的工单");
        }
        return query.withDepartment(actor.department());
    }
}
