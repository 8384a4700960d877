package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;

import cn.qiying.handoff.sla.Complexity;

/** A new ticket's content, from a channel, a service card or a 12345 work order; validated before it gets here. */
public record Intake(Source source, Enterprise enterprise, String district, Kind kind, String category, Complexity complexity,
                     String description, List<String> attachments, String department, Instant receivedAt) {
}
