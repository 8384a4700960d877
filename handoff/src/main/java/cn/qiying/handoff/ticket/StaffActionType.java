package cn.qiying.handoff.ticket;

import java.util.List;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.platform.refusal.Outcome;

/**
 * A staff action as the REST API and the console know it: its name, how its arguments are read, its form and what
 * the form should warn about. Each action declares one as a bean beside itself; {@link StaffActions} lists them all,
 * so a new action is one file.
 */
public interface StaffActionType {

    /** The action with placeholder arguments: what is checked (role, status) before its form is shown. */
    TicketAction sample();

    default String name() {
        return sample().name();
    }

    /** The bundle key of the action's name (研判, 交办, …); the history uses it too. */
    default String labelKey() {
        return "ticket.action." + name();
    }

    Outcome<TicketAction> parse(ActionInput input);

    /** The fields of its form on this ticket (empty: a button). */
    default List<FormField> form(Ticket ticket, Departments departments) {
        return List.of();
    }

    /** The department the enterprise will be told of afterwards, for the preview (null: none named). */
    default String departmentAfter(Ticket ticket) {
        return ticket.getDepartment();
    }

    /** A step that sends the ticket back or ends it: the console asks before doing it. */
    default boolean caution() {
        return false;
    }

    /** Place in the console's list of actions. */
    int order();
}
