package cn.qiying.handoff.notify;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketEvent;
import cn.qiying.handoff.ticket.TicketEventHandler.Handled;
import cn.qiying.handoff.ticket.TicketEventHandler;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.time.ClockConfiguration;

/**
 * Tells the enterprise, on the channel it used, when its ticket reaches a step it cares about (each staged reply too); after the quality
 * check, also asks for a rating. Push ids are {@code status:<no>:<version>} and {@code rating:<no>:<version>}, so a
 * redelivered event yields the same push, which the {@link Messenger} delivers at most once (it is idempotent by id);
 * {@code qiying:push-refused} keeps refusals with their reason.
 */
@Component
class StatusPushes implements TicketEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StatusPushes.class);
    static final String REFUSED = Keys.of("push-refused");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.SHANGHAI);

    private final ObjectProvider<Messenger> messenger;
    private final Tickets tickets;
    private final UnifiedJedis redis;
    private final StatusLabels labels;
    private final Departments departments;
    private final PushTexts texts;

    StatusPushes(ObjectProvider<Messenger> messenger, Tickets tickets, UnifiedJedis redis, StatusLabels labels, Departments departments,
                 PushTexts texts) {
        this.texts = texts;
        this.messenger = messenger;
        this.tickets = tickets;
        this.redis = redis;
        this.labels = labels;
        this.departments = departments;
    }

    @Override
    public String group() {
        return "pushes";
    }

    @Override
    public Handled handle(TicketEvent event) {
        if (!(event.statusChanged() || "reply".equals(event.action())) || !texts.told(event.to())) {
            return Handled.finished();
        }
        Messenger port = messenger.getIfAvailable();
        Ticket ticket = tickets.find(event.no()).orElse(null);
        if (port == null || ticket == null || ticket.getSource() == null || !ticket.getSource().reachable()) {
            return Handled.finished(); // nobody to tell, or no channel to tell them on
        }
        Handled status = send(port, statusPush(event, ticket));
        if (status.done() && event.to() == TicketStatus.REVIEWED) {
            return send(port, ratingPush(event, ticket));
        }
        return status;
    }

    private Handled send(Messenger port, Push push) {
        Messenger.Delivery delivery = port.deliver(push);
        switch (delivery.outcome()) {
            case SENT -> {
                return Handled.finished();
            }
            case REFUSED -> {
                redis.hset(REFUSED, push.id(), delivery.reason() == null ? "" : delivery.reason());
                log.info("push {} refused: {}", push.id(), delivery.reason());
                return Handled.finished();
            }
            default -> {
                log.info("push {} to retry: {}", push.id(), delivery.reason());
                return Handled.retry(push.id() + ": " + delivery.reason());
            }
        }
    }

    private Push statusPush(TicketEvent event, Ticket t) {
        String label = labels.label(event.to());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ticketNo", t.getNo());
        fields.put("status", event.to().json());
        fields.put("statusLabel", label);
        fields.put("time", TIME.format(event.at()));
        if (t.getDepartment() != null) {
            fields.put("department", departments.nameOf(t.getDepartment()));
        }
        var s = t.getSource();
        return new Push("status:" + event.id(), s.channel(), s.appId(), s.openId(), Push.Kind.STATUS, t.getNo(),
                texts.status(t.getNo(), event.to(), t.getDepartment()), fields);
    }

    private Push ratingPush(TicketEvent event, Ticket t) {
        var s = t.getSource();
        return new Push("rating:" + event.id(), s.channel(), s.appId(), s.openId(), Push.Kind.RATING_PROMPT, t.getNo(),
                texts.ratingPrompt(t.getNo()), Map.of("ticketNo", t.getNo()));
    }
}
