package cn.qiying.handoff.ticket;

import java.time.Instant;

/** One line of a ticket's append-only history: who did what, when, moving it from one status to another. */
public record HistoryEntry(Instant at, String actor, String action, TicketStatus from, TicketStatus to, String note) {
}
