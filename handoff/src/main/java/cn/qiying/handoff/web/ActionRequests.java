package cn.qiying.handoff.web;

import java.util.ArrayList;
import java.util.List;

import cn.qiying.handoff.ticket.Complexity;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketProblems;
import tools.jackson.databind.JsonNode;

/** A staff action's JSON body (CONTRACT.md) as a {@link TicketAction}; the console's forms are read the same way. */
public final class ActionRequests {

    private ActionRequests() {
    }

    public static TicketAction parse(String name, JsonNode b) {
        try {
            return switch (name) {
                case "triage" -> new TicketAction.Triage(b.hasNonNull("complexity") ? Complexity.parse(b.get("complexity").asString()) : null,
                        text(b, "category"));
                case "reject" -> new TicketAction.Reject(text(b, "reason"));
                case "merge" -> new TicketAction.Merge(text(b, "into"));
                case "assign" -> new TicketAction.Assign(text(b, "department"), list(b, "coDepartments"));
                case "accept" -> new TicketAction.Accept();
                case "return" -> new TicketAction.Return(text(b, "reason"));
                case "contact" -> new TicketAction.Contact(text(b, "note"));
                case "reply" -> new TicketAction.Reply(text(b, "text"));
                case "resolve" -> new TicketAction.Resolve(text(b, "result"));
                case "review" -> new TicketAction.Review(b.hasNonNull("passed") && b.get("passed").isBoolean() ? b.get("passed").asBoolean() : null,
                        text(b, "comment"));
                case "reopen" -> new TicketAction.Reopen(text(b, "reason"));
                case "close" -> new TicketAction.Close();
                case "supervise" -> new TicketAction.Supervise(text(b, "reason"));
                default -> throw TicketProblems.notFoundAction(name);
            };
        } catch (IllegalArgumentException e) {
            throw TicketProblems.badRequest(e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> list(JsonNode body, String field) {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(item -> out.add(item.asString()));
        }
        return out;
    }
}
