package cn.qiying.handoff.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.Intake;
import cn.qiying.handoff.ticket.Source;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketJsonView;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusedException;

/** {@code POST /api/tickets/import}: work orders from the 12345 hotline, idempotent by their external id. */
@RestController
class WorkOrderController {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final int MAX_IMPORT = 1000;

    private final Tickets tickets;
    private final Departments departments;
    private final StatusLabels labels;

    WorkOrderController(Tickets tickets, Departments departments, StatusLabels labels) {
        this.tickets = tickets;
        this.departments = departments;
        this.labels = labels;
    }

    @PostMapping("/api/tickets/import")
    ResponseEntity<?> importOrders(@RequestBody JsonNode body) {
        Actor actor = StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        if (body.isArray()) {
            if (body.size() > MAX_IMPORT) {
                throw new RefusedException(Refusal.invalid("ticket.refusal.import-size", MAX_IMPORT));
            }
            List<TicketJsonView> out = new ArrayList<>();
            for (JsonNode item : body) {
                out.add(json(importOne(item, actor).orElseThrow(RefusedException::new).ticket()));
            }
            return ResponseEntity.ok(out);
        }
        Imported imported = importOne(body, actor).orElseThrow(RefusedException::new);
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(imported.ticket()));
    }

    private record Imported(Ticket ticket, boolean created) {
    }

    /** e.g. enterprise.uscc, or attachments[2]: the caller's own field names, never the parser's class names. */
    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private Outcome<Imported> importOne(JsonNode node, Actor actor) {
        WorkOrder order;
        try {
            order = JSON.treeToValue(node, WorkOrder.class);
        } catch (RuntimeException e) {
            return Outcome.refused(e instanceof DatabindException bad && !bad.getPath().isEmpty()
                    ? Refusal.invalid("ticket.refusal.order-field", fieldPath(bad)) : Refusal.invalid("ticket.refusal.order"));
        }
        if (order.externalId() == null || !order.externalId().matches("[A-Za-z0-9_.:-]{1,64}")) {
            return Outcome.refused(Refusal.invalid("ticket.refusal.external-id"));
        }
        Optional<Ticket> existing = tickets.findByExternalId(order.externalId());
        if (existing.isPresent()) {
            return Outcome.done(new Imported(existing.get(), false));
        }
        Optional<Complexity> complexity = Complexity.find(order.complexity());
        if (order.complexity() != null && complexity.isEmpty()) {
            return Outcome.refused(Refusal.invalid("ticket.refusal.complexity"));
        }
        var e = order.enterprise();
        Source source = new Source("12345", null, null, null, order.externalId());
        return AppealValidation.appeal(order.kind(), e == null ? null : e.name(), e == null ? null : e.uscc(),
                        e == null ? null : e.contact(), e == null ? null : e.phone(), order.description(), order.attachments())
                .map(checked -> new Imported(tickets.receive(new Intake(source, checked.enterprise(), order.district(), checked.kind(),
                        order.category(), complexity.orElse(null), order.description().trim(), order.attachments(), null,
                        order.receivedAt() == null ? null : order.receivedAt().toInstant()), actor), true));
    }

    private TicketJsonView json(Ticket t) {
        return TicketJsonView.of(t, departments, labels);
    }
}
