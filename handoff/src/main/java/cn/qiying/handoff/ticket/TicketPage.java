package cn.qiying.handoff.ticket;

import java.util.List;

/** One page of tickets as the staff REST API answers a list. */
public record TicketPage(long total, int page, int size, List<TicketJsonView> tickets) {
}
