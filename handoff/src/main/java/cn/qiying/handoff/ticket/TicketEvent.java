package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the ticket event stream: what happened to which ticket. {@code version} is the ticket version the
 * event produced, so {@code no:version} identifies it for idempotent consumers.
 */
public record TicketEvent(String no, long version, String action, TicketStatus from, TicketStatus to, String actor, Instant at) {

    public boolean statusChanged() {
        return from != to;
    }

    public String id() {
        return no + ":" + version;
    }

    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("no", no);
        f.put("version", Long.toString(version));
        f.put("action", action);
        f.put("from", from == null ? "" : from.name());
        f.put("to", to.name());
        f.put("actor", actor == null ? "" : actor);
        f.put("at", Long.toString(at.toEpochMilli()));
        return f;
    }

    public static TicketEvent of(Map<String, String> f) {
        String from = f.getOrDefault("from", "");
        return new TicketEvent(f.get("no"), Long.parseLong(f.get("version")), f.get("action"),
                from.isEmpty() ? null : TicketStatus.valueOf(from), TicketStatus.valueOf(f.get("to")),
                f.getOrDefault("actor", ""), Instant.ofEpochMilli(Long.parseLong(f.get("at"))));
    }
}
