package cn.qiying.handoff.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.TicketJsonView;
import cn.qiying.handoff.ticket.TicketPage;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.Tickets;

/** The supervision board: supervised tickets, soonest deadline first, each with its reasons and reminders. */
@RestController
class SupervisionController {

    private final Tickets tickets;
    private final Departments departments;
    private final StatusLabels labels;

    SupervisionController(Tickets tickets, Departments departments, StatusLabels labels) {
        this.tickets = tickets;
        this.departments = departments;
        this.labels = labels;
    }

    @GetMapping("/api/supervision")
    TicketPage board(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR);
        int s = Math.max(1, Math.min(size, 200));
        var result = tickets.search(TicketQuery.all().withFlag("supervised").withOpen(null, true).page(Math.max(0, page) * s, s));
        return new TicketPage(result.total(), page, s,
                result.tickets().stream().map(t -> TicketJsonView.of(t, departments, labels)).toList());
    }
}
