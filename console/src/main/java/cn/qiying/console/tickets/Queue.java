package cn.qiying.console.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.platform.names.EnumNames;

/** The console's work queues (labels {@code console.queue.*}); each is a ticket search the desk narrows to what the user may see. */
enum Queue {
    TRIAGE(TicketQuery.all().withStatuses(List.of(TicketStatus.RECEIVED, TicketStatus.TRIAGED, TicketStatus.REOPENED)).withOpen(null, true)),
    MINE(TicketQuery.all().withOpen(true, true)),
    NEAR(TicketQuery.all().withFlag("near").withOpen(true, true)),
    OVERDUE(TicketQuery.all().withFlag("overdue").withOpen(true, true)),
    SUPERVISED(TicketQuery.all().withFlag("supervised").withOpen(true, true)),
    RETURNED(TicketQuery.all().withStatuses(List.of(TicketStatus.RETURNED)).withOpen(null, true)),
    REVIEW(TicketQuery.all().withStatuses(List.of(TicketStatus.RESOLVED)).withOpen(null, true)),
    UNSATISFIED(TicketQuery.all().withFlag(TicketQuery.UNSATISFIED_FLAG));

    final TicketQuery query;

    Queue(TicketQuery query) {
        this.query = query;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String labelKey() {
        return "console.queue." + key();
    }

    /** Triage, returns and review are the centre's desk; a department sees its own work. */
    boolean shownTo(Actor actor) {
        return switch (this) {
            case TRIAGE, RETURNED, REVIEW -> actor.seesAll();
            default -> true;
        };
    }

    static Optional<Queue> parse(String key) {
        return EnumNames.find(Queue.class, key);
    }
}
