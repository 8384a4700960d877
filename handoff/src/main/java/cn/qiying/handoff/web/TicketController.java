package cn.qiying.handoff.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.appeal.AppealRejected;
import cn.qiying.handoff.appeal.AppealValidation;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.Complexity;
import cn.qiying.handoff.ticket.Intake;
import cn.qiying.handoff.ticket.Source;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketIntake;
import cn.qiying.handoff.ticket.TicketProblems;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketScope;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff REST for tickets: list, read, act, import 12345 work orders. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final TicketStore store;
    private final TicketTransitions transitions;
    private final TicketIntake intake;
    private final Departments departments;
    private final StatusLabels labels;

    TicketController(TicketStore store, TicketTransitions transitions, TicketIntake intake, Departments departments, StatusLabels labels) {
        this.store = store;
        this.transitions = transitions;
        this.intake = intake;
        this.departments = departments;
        this.labels = labels;
    }

    record Page(long total, int page, int size, List<TicketJsonView> tickets) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String department,
              @RequestParam(required = false) String openId, @RequestParam(required = false) String q,
              @RequestParam(required = false) String flag, @RequestParam(required = false) Boolean open,
              @RequestParam(required = false, defaultValue = "false") boolean byDeadline,
              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Actor actor = StaffCaller.current();
        if (page < 0 || size < 1 || size > 200) {
            throw TicketProblems.badRequest("page 应不小于 0，size 应在 1 到 200 之间");
        }
        TicketQuery query = TicketQuery.all().withText(q).withFlag(flag).withUser(null, null, openId).page(page * size, size);
        query = query.withOpen(open, byDeadline);
        if (status != null && !status.isBlank()) {
            List<TicketStatus> statuses = new ArrayList<>();
            for (String s : status.split(",")) {
                statuses.add(parseStatus(s));
            }
            query = query.withStatuses(statuses);
        }
        String dept = department == null || department.isBlank() ? null
                : departments.resolve(department).map(d -> d.id()).orElseThrow(() -> TicketProblems.badRequest("部门「" + department + "」不存在"));
        TicketQuery.Page result = store.search(TicketScope.of(actor, query, dept));
        return new Page(result.total(), page, size, result.tickets().stream().map(this::json).toList());
    }

    @GetMapping("/{no}")
    TicketJsonView one(@PathVariable String no) {
        Actor actor = StaffCaller.current();
        Ticket ticket = store.find(no).filter(t -> TicketTransitions.visible(actor, t)).orElseThrow(() -> TicketProblems.notFound(no));
        return json(ticket);
    }

    @PostMapping("/{no}/{action}")
    TicketJsonView act(@PathVariable String no, @PathVariable String action, @RequestBody(required = false) JsonNode body) {
        Actor actor = StaffCaller.current();
        return json(transitions.perform(no, ActionRequests.parse(action, body == null ? JSON.createObjectNode() : body), actor));
    }

    @PostMapping("/import")
    ResponseEntity<?> importOrders(@RequestBody JsonNode body) {
        Actor actor = StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        if (body.isArray()) {
            if (body.size() > 1000) {
                throw TicketProblems.badRequest("一次最多导入 1000 条工单");
            }
            List<TicketJsonView> out = new ArrayList<>();
            for (JsonNode item : body) {
                out.add(json(importOne(item, actor).ticket()));
            }
            return ResponseEntity.ok(out);
        }
        Imported imported = importOne(body, actor);
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

    private Imported importOne(JsonNode node, Actor actor) {
        WorkOrder order;
        try {
            order = JSON.treeToValue(node, WorkOrder.class);
        } catch (RuntimeException e) {
            throw TicketProblems.badRequest(e instanceof DatabindException bad && !bad.getPath().isEmpty()
                    ? "工单格式不正确：字段「" + fieldPath(bad) + "」的值类型或格式不对"
                    : "工单格式不正确");
        }
        if (order.externalId() == null || !order.externalId().matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new AppealRejected("externalId 必填，只能包含字母、数字和 _.:-（最多 64 位）");
        }
        var existing = store.findByExternalId(order.externalId()).flatMap(store::find);
        if (existing.isPresent()) {
            return new Imported(existing.get(), false);
        }
        var e = order.enterprise();
        var enterprise = AppealValidation.enterprise(e == null ? null : e.name(), e == null ? null : e.uscc(),
                e == null ? null : e.contact(), e == null ? null : e.phone(), order.description(), order.attachments());
        Complexity complexity;
        try {
            complexity = order.complexity() == null ? null : Complexity.parse(order.complexity());
        } catch (IllegalArgumentException ex) {
            throw new AppealRejected(ex.getMessage());
        }
        Source source = new Source("12345", null, null, null, order.externalId());
        Ticket ticket = intake.receive(new Intake(source, enterprise, order.district(), AppealValidation.kind(order.kind()),
                order.category(), complexity, order.description().trim(), order.attachments(), null,
                order.receivedAt() == null ? null : order.receivedAt().toInstant()), actor);
        return new Imported(ticket, true);
    }

    private TicketJsonView json(Ticket t) {
        return TicketJsonView.of(t, departments, labels);
    }

    private static TicketStatus parseStatus(String s) {
        try {
            return TicketStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw TicketProblems.badRequest(e.getMessage());
        }
    }
}
