package cn.qiying.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.TicketNumber;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketScope;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.handoff.web.StaffCaller;

/** The queues with their counts, and search by ticket number, credit code, enterprise or words. */
@Controller
class QueueController {

    private static final int PAGE = 30;

    private final TicketStore store;
    private final Departments departments;
    private final StatusLabels labels;
    private final Clock clock;

    QueueController(TicketStore store, Departments departments, StatusLabels labels, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.labels = labels;
        this.clock = clock;
    }

    record QueueTab(String key, String label, long count, boolean active) {
    }

    @GetMapping("/console/tickets")
    String queues(@RequestParam(required = false) String queue, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = StaffCaller.current();
        String search = q == null ? "" : q.trim();
        Queue chosen = Queue.parse(queue);
        if (chosen == null || !chosen.shownTo(actor)) {
            chosen = search.isEmpty() ? (Queue.TRIAGE.shownTo(actor) ? Queue.TRIAGE : Queue.MINE) : null;
        }
        if (!search.isEmpty()) {
            var number = TicketNumber.parse(search);
            if (number.isPresent()
                    && store.find(number.get().value()).filter(t -> TicketTransitions.visible(actor, t)).isPresent()) {
                return "redirect:/console/tickets/" + number.get().value();
            }
        }
        List<QueueTab> tabs = new ArrayList<>();
        for (Queue each : Queue.values()) {
            if (each.shownTo(actor)) {
                long count = store.search(TicketScope.of(actor, each.query, null).page(0, 0)).total();
                tabs.add(new QueueTab(each.key(), each.label, count, each == chosen && search.isEmpty()));
            }
        }
        TicketQuery query;
        if (!search.isEmpty()) {
            String upper = search.toUpperCase();
            query = upper.length() == 18 && CreditCode.valid(upper)
                    ? TicketQuery.all().withEnterprise(upper, null, null)
                    : TicketQuery.all().withText(search);
        } else {
            query = chosen.query;
        }
        int p = Math.max(0, page);
        TicketQuery.Page result = store.search(TicketScope.of(actor, query, null).page(p * PAGE, PAGE));
        Instant now = clock.instant();
        model.addAttribute("tabs", tabs);
        model.addAttribute("queue", search.isEmpty() ? chosen.key() : null);
        model.addAttribute("queueLabel", search.isEmpty() ? chosen.label : "搜索「" + search + "」");
        model.addAttribute("q", search);
        model.addAttribute("total", result.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE - 1) / PAGE));
        model.addAttribute("rows", result.tickets().stream().map(t -> TicketRow.of(t, departments, labels, now)).toList());
        model.addAttribute("nav", "tickets");
        return "console/queues";
    }
}
