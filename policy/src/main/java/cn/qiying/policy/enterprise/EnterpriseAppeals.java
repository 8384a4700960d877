package cn.qiying.policy.enterprise;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.time.ClockConfiguration;

/** The appeals an enterprise filed (linked by credit code), as far as the staff user may see tickets. */
@Component
class EnterpriseAppeals {

    static final int SHOWN = 50;

    private final Tickets tickets;
    private final StatusLabels labels;

    EnterpriseAppeals(Tickets tickets, StatusLabels labels) {
        this.tickets = tickets;
        this.labels = labels;
    }

    record Appeal(String no, String kind, String status, String statusLabel, String category, String department,
                  OffsetDateTime receivedAt, String rating) {
    }

    record Appeals(long total, List<Appeal> latest) {
    }

    Appeals of(String uscc, Actor actor) {
        TicketQuery query = TicketQuery.all().withEnterprise(uscc, null, null).page(0, SHOWN);
        return tickets.search(query, null, actor)
                .map(page -> new Appeals(page.total(), page.tickets().stream().map(this::appeal).toList()))
                .orElseThrow(r -> new IllegalStateException(r.messageKey())); // no department asked for: never refused
    }

    private Appeal appeal(Ticket t) {
        return new Appeal(t.getNo(), t.getKind().json(), t.getStatus().json(), labels.label(t.getStatus()), t.getCategory(),
                t.getDepartment(), t.getReceivedAt().atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime(),
                t.getRating() == null ? null : t.getRating().rating().json());
    }
}
