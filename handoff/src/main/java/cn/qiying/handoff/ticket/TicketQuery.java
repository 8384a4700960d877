package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A search of tickets; null fields do not filter.
 *
 * @param department lead or co-handling department
 * @param open       true: only tickets still being worked on
 * @param text       words searched in the description and the enterprise name
 * @param byDeadline sort by resolve deadline, soonest first (otherwise newest first)
 */
public record TicketQuery(List<TicketStatus> statuses, String department, String channel, String appId, String openId,
                          String text, String flag, String uscc, String category, Instant receivedFrom, Instant receivedTo,
                          Boolean open, boolean byDeadline, int offset, int limit) {

    /** The searchable flag of a ticket rated unsatisfied (the console's queue of them). */
    public static final String UNSATISFIED_FLAG = "unsatisfied";

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null, null, null, null, null, null, false, 0, 20);
    }

    public TicketQuery withDepartment(String department) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withOpen(Boolean open, boolean byDeadline) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withText(String text) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withUser(String channel, String appId, String openId) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withEnterprise(String uscc, String category, Instant from) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, from, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withStatuses(List<TicketStatus> statuses) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withFlag(String flag) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    public TicketQuery withReceived(Instant from, Instant to) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, from, to, open, byDeadline, offset, limit);
    }

    public TicketQuery page(int offset, int limit) {
        return new TicketQuery(statuses, department, channel, appId, openId, text, flag, uscc, category, receivedFrom, receivedTo, open, byDeadline, offset, limit);
    }

    /** A department's open tickets by deadline and nothing else: served from the department's queue. */
    boolean isDepartmentQueue() {
        return department != null && !department.isBlank() && Boolean.TRUE.equals(open) && byDeadline
                && (statuses == null || statuses.isEmpty()) && channel == null && appId == null && openId == null
                && (text == null || text.isBlank()) && flag == null && uscc == null && category == null
                && receivedFrom == null && receivedTo == null;
    }

    public record Page(long total, List<Ticket> tickets) {
    }
}
