package cn.qiying.handoff.ticket;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusedException;

/** Staff REST for tickets: list, read, act, import 12345 work orders. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final int MAX_PAGE = 200;

    private final Tickets tickets;
    private final Departments departments;
    private final StatusLabels labels;

    TicketController(Tickets tickets, Departments departments, StatusLabels labels) {
        this.tickets = tickets;
        this.departments = departments;
        this.labels = labels;
    }

    @GetMapping
    TicketPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String department,
                    @RequestParam(required = false) String openId, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String flag, @RequestParam(required = false) Boolean open,
                    @RequestParam(required = false, defaultValue = "false") boolean byDeadline,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Actor actor = StaffCaller.current();
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new RefusedException(Refusal.invalid("ticket.refusal.page", MAX_PAGE));
        }
        TicketQuery query = TicketQuery.all().withText(q).withFlag(flag).withUser(null, null, openId).page(page * size, size);
        query = query.withOpen(open, byDeadline);
        if (status != null && !status.isBlank()) {
            List<TicketStatus> statuses = new ArrayList<>();
            for (String s : status.split(",")) {
                statuses.add(TicketStatus.find(s).orElseThrow(() -> new RefusedException(Refusal.invalid("ticket.refusal.status", s.strip()))));
            }
            query = query.withStatuses(statuses);
        }
        String dept = department == null || department.isBlank() ? null : departments.resolve(department).map(Department::id)
                .orElseThrow(() -> new RefusedException(Refusal.invalid("ticket.refusal.unknown-department", department)));
        TicketQuery.Page result = tickets.search(query, dept, actor).orElseThrow(RefusedException::new);
        return new TicketPage(result.total(), page, size, result.tickets().stream().map(this::json).toList());
    }

    @GetMapping("/{no}")
    TicketJsonView one(@PathVariable String no) {
        return json(tickets.get(no, StaffCaller.current()).orElseThrow(RefusedException::new));
    }

    @PostMapping("/{no}/{action}")
    TicketJsonView act(@PathVariable String no, @PathVariable String action, @RequestBody(required = false) JsonNode body) {
        return json(tickets.act(no, action, ActionInput.of(body), StaffCaller.current()).orElseThrow(RefusedException::new));
    }

    private TicketJsonView json(Ticket t) {
        return TicketJsonView.of(t, departments, labels);
    }
}
