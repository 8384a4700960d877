package cn.qiying.handoff.appeal;

import java.time.Instant;

import cn.qiying.handoff.ticket.Deadlines;

/**
 * A ticket as its enterprise sees it; {@code department} is the lead department's name, null before assignment;
 * {@code result} what the department did, once it resolved the ticket.
 */
public record TicketView(String no, String status, String statusLabel, String kind, String department,
                         Deadlines deadlines, Instant receivedAt, String description, String result) {
}
