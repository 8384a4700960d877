package cn.qiying.handoff.ticket;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.RoutingSuggestion;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.sla.DeadlinePolicy;
import cn.qiying.handoff.sla.SlaProperties;
import cn.qiying.handoff.staff.Actor;

/** Receives (受理) a new ticket: numbers it, computes its deadlines, suggests a department and stores it with its first event. */
@Component
class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

    private final TicketStore store;
    private final TicketNumbers numbers;
    private final DeadlinePolicy deadlines;
    private final Departments departments;
    private final ResponsibilityList responsibilities;
    private final Clock clock;
    private final double nearFraction;
    private final StatusLabels labels;

    TicketIntake(TicketStore store, TicketNumbers numbers, DeadlinePolicy deadlines, Departments departments,
                 ResponsibilityList responsibilities, Clock clock, SlaProperties sla, StatusLabels labels) {
        this.labels = labels;
        this.store = store;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.departments = departments;
        this.responsibilities = responsibilities;
        this.clock = clock;
        this.nearFraction = sla.nearDeadlineFraction();
    }

    /** The created ticket, or the existing one when a work order with the same external id came before. */
    public Ticket receive(Intake intake, Actor actor) {
        String externalId = intake.source() == null ? null : intake.source().externalId();
        if (externalId != null) {
            var existing = store.findByExternalId(externalId).flatMap(store::find);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Instant now = clock.instant();
        Instant receivedAt = intake.receivedAt() == null || intake.receivedAt().isAfter(now) ? now : intake.receivedAt();
        String no = numbers.next(receivedAt);
        Complexity complexity = intake.complexity() == null ? Complexity.GENERAL : intake.complexity();
        Ticket ticket = Ticket.received(no, intake.source(), intake.enterprise(), intake.district(), intake.kind(),
                intake.category(), complexity, intake.description(), intake.attachments(), receivedAt);
        ticket.setDeadlines(deadlines.milestones(receivedAt, complexity, false));
        Department chosen = departments.resolve(intake.department()).orElse(null);
        if (chosen != null) {
            ticket.setSuggestion(chosen.id(), 1.0);
        } else {
            RoutingSuggestion s = responsibilities.suggest(intake.category(), intake.description(), intake.district());
            ticket.setSuggestion(s.department(), s.department() == null ? null : s.confidence());
        }
        if (complexity == Complexity.MAJOR) {
            ticket.setFlags(ticket.getFlags().withSupervised());
            ticket.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.MAJOR, labels.text("ticket.note.major"), now, Actor.SYSTEM.name()));
        }
        String note = externalId == null ? null : "12345 " + externalId;
        ticket.append(new HistoryEntry(now, actor.name(), "receive", null, TicketStatus.RECEIVED, note));
        TicketEvent event = new TicketEvent(no, 1, "receive", null, TicketStatus.RECEIVED, actor.name(), now);
        TicketStore.Write write = store.create(ticket, externalId, event, Timers.of(ticket, nearFraction));
        if (write.result() == TicketStore.Write.Result.EXISTS) {
            return store.find(write.value()).orElseThrow();
        }
        if (write.result() != TicketStore.Write.Result.OK) {
            throw new IllegalStateException("ticket number " + no + " taken twice");
        }
        log.info("ticket {} received ({} {})", no, intake.kind().json(), intake.source() == null ? "-" : intake.source().channel());
        return ticket;
    }
}
