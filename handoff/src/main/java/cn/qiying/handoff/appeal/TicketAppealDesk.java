package cn.qiying.handoff.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Milestones;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.Deadlines;
import cn.qiying.handoff.ticket.Intake;
import cn.qiying.handoff.ticket.Rate;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.ticket.Source;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketNumber;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.time.ClockConfiguration;

/** The appeal desk on top of the ticket desk: what the dialog, the mini program and the card form call. */
@Service
class TicketAppealDesk implements AppealDesk {

    private final Tickets tickets;
    private final Departments departments;
    private final StatusLabels labels;

    TicketAppealDesk(Tickets tickets, Departments departments, StatusLabels labels) {
        this.tickets = tickets;
        this.departments = departments;
        this.labels = labels;
    }

    @Override
    public Outcome<TicketView> submit(NewAppeal a) {
        if (a == null) {
            return Outcome.refused(Refusal.invalid("appeal.refusal.empty"));
        }
        if (blank(a.channel()) || blank(a.openId())) {
            return Outcome.refused(Refusal.invalid("appeal.refusal.no-user"));
        }
        if (!blank(a.department()) && departments.resolve(a.department()).isEmpty()) {
            return Outcome.refused(Refusal.invalid("ticket.refusal.unknown-department", a.department()));
        }
        Source source = new Source(a.channel(), a.appId(), a.openId(), a.cardCode(), null);
        return AppealValidation.appeal(a.kind(), a.enterpriseName(), a.uscc(), a.contact(), a.phone(), a.description(), a.attachments())
                .map(checked -> view(tickets.receive(new Intake(source, checked.enterprise(), trim(a.district()), checked.kind(),
                        trim(a.category()), null, a.description().trim(), a.attachments(), a.department(), null), Actor.ENTERPRISE)));
    }

    @Override
    public List<TicketView> openTicketsOf(String channel, String appId, String openId) {
        if (blank(channel) || blank(openId)) {
            return List.of();
        }
        TicketQuery query = TicketQuery.all().withUser(channel, appId, openId).withOpen(true, false).page(0, 50);
        return tickets.search(query).tickets().stream().map(this::view).toList();
    }

    @Override
    public Optional<TicketView> find(String no) {
        return ticket(no).map(this::view);
    }

    @Override
    public Optional<TicketView> findForPhone(String no, String phone) {
        return ticket(no).filter(t -> t.getEnterprise() != null && t.getEnterprise().leftPhone(phone)).map(this::view);
    }

    @Override
    public Outcome<TicketView> rateForPhone(String no, String phone, Rating rating, String comment) {
        Optional<Ticket> ticket = ticket(no).filter(t -> t.getEnterprise() != null && t.getEnterprise().leftPhone(phone));
        if (ticket.isEmpty()) {
            return Outcome.refused(Refusal.notFound("appeal.refusal.not-found-for-phone"));
        }
        return rate(ticket.get(), new Rate(null, phone, rating, comment));
    }

    @Override
    public Outcome<TicketView> rate(String no, String openId, Rating rating, String comment) {
        Optional<Ticket> ticket = ticket(no).filter(t -> t.getSource() != null && openId != null && openId.equals(t.getSource().openId()));
        if (ticket.isEmpty()) {
            return Outcome.refused(Refusal.notFound("ticket.refusal.not-found", no));
        }
        return rate(ticket.get(), new Rate(openId, null, rating, comment));
    }

    private Outcome<TicketView> rate(Ticket ticket, Rate rate) {
        if (ticket.getStatus() != TicketStatus.REVIEWED) {
            return Outcome.refused(new Refusal.IllegalStep("appeal.refusal.not-ratable", List.of(ticket.getNo(), labels.label(ticket.getStatus())),
                    Map.of("ticketStatus", ticket.getStatus().json())));
        }
        return tickets.perform(ticket.getNo(), rate, Actor.ENTERPRISE).map(this::view);
    }

    private Optional<Ticket> ticket(String no) {
        return TicketNumber.parse(no).flatMap(n -> tickets.find(n.value()));
    }

    TicketView view(Ticket t) {
        Milestones m = t.getDeadlines();
        return new TicketView(t.getNo(), t.getStatus().json(), labels.label(t.getStatus()), t.getKind().json(),
                t.getDepartment() == null ? null : departments.nameOf(t.getDepartment()),
                new Deadlines(shanghai(m.contactBy()), shanghai(m.replyBy()), shanghai(m.resolveBy())),
                t.getReceivedAt(), t.getDescription(), t.getResult());
    }

    static OffsetDateTime shanghai(Instant at) {
        return at == null ? null : at.atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
