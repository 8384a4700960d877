package cn.qiying.console;

import java.util.List;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.TicketStore;

/** The console's work queues; each is a ticket search, narrowed to the user's department by {@code TicketScope}. */
enum Queue {
    TRIAGE("待研判交办", TicketQuery.all().withStatuses(List.of(TicketStatus.RECEIVED, TicketStatus.TRIAGED, TicketStatus.REOPENED)).withOpen(null, true)),
    MINE("在办工单", TicketQuery.all().withOpen(true, true)),
    NEAR("临期", TicketQuery.all().withFlag("near").withOpen(true, true)),
    OVERDUE("超期", TicketQuery.all().withFlag("overdue").withOpen(true, true)),
    SUPERVISED("督办", TicketQuery.all().withFlag("supervised").withOpen(true, true)),
    RETURNED("已退回", TicketQuery.all().withStatuses(List.of(TicketStatus.RETURNED)).withOpen(null, true)),
    REVIEW("待质检", TicketQuery.all().withStatuses(List.of(TicketStatus.RESOLVED)).withOpen(null, true)),
    UNSATISFIED("不满意", TicketQuery.all().withFlag(TicketStore.UNSATISFIED));

    final String label;
    final TicketQuery query;

    Queue(String label, TicketQuery query) {
        this.label = label;
        this.query = query;
    }

    String key() {
        return name().toLowerCase();
    }

    /** Triage, returns and review are the centre's desk; a department sees its own work. */
    boolean shownTo(Actor actor) {
        return switch (this) {
            case TRIAGE, RETURNED, REVIEW -> !actor.is(StaffRole.HANDLER) || actor.seesAll();
            default -> true;
        };
    }

    static Queue parse(String key) {
        for (Queue q : values()) {
            if (q.key().equals(key)) {
                return q;
            }
        }
        return null;
    }
}
