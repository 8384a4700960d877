package cn.qiying.handoff.ticket;

import java.util.Optional;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.RoutingSuggestion;
import cn.qiying.handoff.sla.DeadlinePolicy;
import cn.qiying.handoff.sla.Milestones;

/** What actions may consult: the deadline policy, the departments, the responsibility list, other tickets, the bundle. */
record TransitionContext(DeadlinePolicy deadlines, Departments departments, ResponsibilityList responsibilities,
                         TicketStore tickets, StatusLabels labels) {

    Milestones milestones(Ticket t) {
        return deadlines.milestones(t.getWindowStart(), t.getComplexity(), !t.getCoDepartments().isEmpty());
    }

    Optional<String> departmentId(String idOrName) {
        return idOrName == null ? Optional.empty() : departments.resolve(idOrName).map(Department::id);
    }

    String departmentName(String id) {
        return departments.nameOf(id);
    }

    boolean exists(String no) {
        return tickets.find(no).isPresent();
    }

    RoutingSuggestion suggest(Ticket t) {
        return responsibilities.suggest(t.getCategory(), t.getDescription(), t.getDistrict());
    }

    /** A sentence of the handoff bundle, for notes the history keeps. */
    String text(String key, Object... args) {
        return labels.text(key, args);
    }
}
