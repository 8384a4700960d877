package cn.qiying.handoff.appeal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.Intake;
import cn.qiying.handoff.ticket.Milestones;
import cn.qiying.handoff.ticket.Source;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketIntake;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.platform.time.ClockConfiguration;

/** The appeal desk on top of the ticket store: what the dialog, the mini program and the card form call. */
@Service
class TicketAppealDesk implements AppealDesk {

    private final TicketIntake intake;
    private final TicketStore store;
    private final TicketTransitions transitions;
    private final Departments departments;
    private final StatusLabels labels;

    TicketAppealDesk(TicketIntake intake, TicketStore store, TicketTransitions transitions, Departments departments, StatusLabels labels) {
        this.intake = intake;
        this.store = store;
        this.transitions = transitions;
        this.departments = departments;
        this.labels = labels;
    }

    @Override
    public TicketView submit(NewAppeal a) {
        if (a == null) {
            throw new AppealRejected("诉求内容为空");
        }
        if (blank(a.channel()) || blank(a.openId())) {
            throw new AppealRejected("缺少用户身份（渠道和 openId）");
        }
        var kind = AppealValidation.kind(a.kind());
        var enterprise = AppealValidation.enterprise(a.enterpriseName(), a.uscc(), a.contact(), a.phone(), a.description(), a.attachments());
        if (!blank(a.department()) && departments.resolve(a.department()).isEmpty()) {
            throw new AppealRejected("部门「" + a.department() + "」不存在");
        }
        Source source = new Source(a.channel(), a.appId(), a.openId(), a.cardCode(), null);
        Ticket ticket = intake.receive(new Intake(source, enterprise, trim(a.district()), kind, trim(a.category()), null,
                a.description().trim(), a.attachments(), a.department(), null), Actor.enterprise(a.openId()));
        return view(ticket);
    }

    @Override
    public List<TicketView> openTicketsOf(String channel, String appId, String openId) {
        if (blank(channel) || blank(openId)) {
            return List.of();
        }
        TicketQuery query = TicketQuery.all().withUser(channel, appId, openId).withOpen(true, false).page(0, 50);
        return store.search(query).tickets().stream().map(this::view).toList();
    }

    @Override
    public Optional<TicketView> find(String no) {
        return store.find(no == null ? null : no.trim().toUpperCase()).map(this::view);
    }

    @Override
    public Optional<TicketView> findForPhone(String no, String phone) {
        if (no == null) {
            return Optional.empty();
        }
        return store.find(no.trim().toUpperCase())
                .filter(t -> t.getEnterprise() != null && t.getEnterprise().leftPhone(phone))
                .map(this::view);
    }

    @Override
    public TicketView rateForPhone(String no, String phone, Rating rating, String comment) {
        if (rating == null) {
            throw new AppealRejected("请选择评价：满意、基本满意或不满意");
        }
        String number = no == null ? "" : no.trim().toUpperCase();
        Ticket ticket = store.find(number)
                .filter(t -> t.getEnterprise() != null && t.getEnterprise().leftPhone(phone))
                .orElseThrow(() -> new AppealRejected(HttpStatus.NOT_FOUND, "未找到该工单，请核对工单编号和提交时留下的联系电话"));
        return rate(ticket, new TicketAction.Rate(null, phone, rating, comment), Actor.enterprise(null));
    }

    @Override
    public TicketView rate(String no, String openId, Rating rating, String comment) {
        if (rating == null) {
            throw new AppealRejected("请选择评价：满意、基本满意或不满意");
        }
        Ticket ticket = store.find(no).orElseThrow(() -> new AppealRejected(HttpStatus.NOT_FOUND, "工单 " + no + " 不存在"));
        if (ticket.getSource() == null || openId == null || !openId.equals(ticket.getSource().openId())) {
            throw new AppealRejected(HttpStatus.NOT_FOUND, "工单 " + no + " 不存在");
        }
        return rate(ticket, new TicketAction.Rate(openId, null, rating, comment), Actor.enterprise(openId));
    }

    private TicketView rate(Ticket ticket, TicketAction.Rate rate, Actor enterprise) {
        String no = ticket.getNo();
        if (ticket.getStatus() != TicketStatus.REVIEWED) {
            throw new AppealRejected(HttpStatus.CONFLICT, "工单 " + no + " 当前为「" + labels.label(ticket.getStatus()) + "」，暂不能评价");
        }
        try {
            return view(transitions.perform(no, rate, enterprise));
        } catch (AppealRejected e) {
            throw e;
        } catch (ErrorResponseException e) {
            throw new AppealRejected(e.getStatusCode(), e.getBody().getDetail());
        }
    }

    TicketView view(Ticket t) {
        Milestones m = t.getDeadlines();
        return new TicketView(t.getNo(), t.getStatus().json(), labels.label(t.getStatus()), t.getKind().json(),
                t.getDepartment() == null ? null : departments.nameOf(t.getDepartment()),
                new Deadlines(shanghai(m.contactBy()), shanghai(m.replyBy()), shanghai(m.resolveBy())),
                t.getReceivedAt(), t.getDescription(), t.getResult());
    }

    static OffsetDateTime shanghai(java.time.Instant at) {
        return at == null ? null : at.atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
