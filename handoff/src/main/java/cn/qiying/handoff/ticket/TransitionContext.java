package cn.qiying.handoff.ticket;

import cn.qiying.handoff.calendar.DeadlinePolicy;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.RoutingSuggestion;

/** What actions may consult: the deadline policy, the departments, the responsibility list, other tickets. */
record TransitionContext(DeadlinePolicy deadlines, Departments departments, ResponsibilityList responsibilities, TicketStore tickets) {

    Milestones milestones(Ticket t) {
        return deadlines.milestones(t.getWindowStart(), t.getComplexity(), !t.getCoDepartments().isEmpty());
    }

    String departmentId(String idOrName) {
        return departments.resolve(idOrName).map(Department::id)
                .orElseThrow(() -> TicketProblems.badRequest("部门「" + idOrName + "」不存在"));
    }

    String departmentName(String id) {
        return departments.nameOf(id);
    }

    RoutingSuggestion suggest(Ticket t) {
        return responsibilities.suggest(t.getCategory(), t.getDescription(), t.getDistrict());
    }
}
