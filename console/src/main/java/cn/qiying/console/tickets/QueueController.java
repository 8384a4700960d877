package cn.qiying.console.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.TicketNumber;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.web.RefusedException;

/** The queues with their counts, and search by ticket number, credit code, enterprise or words. */
@Controller
class QueueController {

    private static final int PAGE = 30;

    private final Tickets tickets;
    private final Departments departments;
    private final StatusLabels labels;
    private final ConsoleLabels console;
    private final Clock clock;

    QueueController(Tickets tickets, Departments departments, StatusLabels labels, ConsoleLabels console, Clock clock) {
        this.tickets = tickets;
        this.departments = departments;
        this.labels = labels;
        this.console = console;
        this.clock = clock;
    }

    record QueueTab(String key, String labelKey, long count, boolean active) {
    }

    @GetMapping("/console/tickets")
    String queues(@RequestParam(required = false) String queue, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = StaffCaller.current();
        String search = q == null ? "" : q.trim();
        Queue chosen = Queue.parse(queue).filter(c -> c.shownTo(actor))
                .orElse(search.isEmpty() ? (Queue.TRIAGE.shownTo(actor) ? Queue.TRIAGE : Queue.MINE) : null);
        if (!search.isEmpty()) {
            var number = TicketNumber.parse(search);
            if (number.isPresent() && tickets.find(number.get().value(), actor).isPresent()) {
                return "redirect:/console/tickets/" + number.get().value();
            }
        }
        List<QueueTab> tabs = new ArrayList<>();
        for (Queue each : Queue.values()) {
            if (each.shownTo(actor)) {
                long count = search(each.query.page(0, 0), actor).total();
                tabs.add(new QueueTab(each.key(), each.labelKey(), count, each == chosen && search.isEmpty()));
            }
        }
        TicketQuery query;
        if (!search.isEmpty()) {
            String upper = search.toUpperCase(Locale.ROOT);
            query = CreditCode.valid(upper) ? TicketQuery.all().withEnterprise(upper, null, null) : TicketQuery.all().withText(search);
        } else {
            query = chosen.query;
        }
        int p = Math.max(0, page);
        TicketQuery.Page result = search(query.page(p * PAGE, PAGE), actor);
        Instant now = clock.instant();
        model.addAttribute("tabs", tabs);
        model.addAttribute("queue", search.isEmpty() ? chosen.key() : null);
        model.addAttribute("queueLabelKey", search.isEmpty() ? chosen.labelKey() : null);
        model.addAttribute("q", search);
        model.addAttribute("total", result.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE - 1) / PAGE));
        model.addAttribute("rows", result.tickets().stream().map(t -> TicketRow.of(t, departments, labels, console, now)).toList());
        model.addAttribute("nav", "tickets");
        return "console/queues";
    }

    private TicketQuery.Page search(TicketQuery query, Actor actor) {
        return tickets.search(query, null, actor).orElseThrow(RefusedException::new);
    }
}
