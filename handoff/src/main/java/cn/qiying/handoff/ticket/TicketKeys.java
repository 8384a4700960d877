package cn.qiying.handoff.ticket;

import cn.qiying.platform.redis.Keys;

/**
 * Redis keys of the ticket desk:
 * {@code qiying:ticket:<no>} hash (the JSON {@code doc} plus indexed fields), {@code qiying:ticket-seq:<yyyyMMdd>} number
 * counter, {@code qiying:ticket-external:<externalId>} → no, {@code qiying:ticket-deadlines} sorted set of timers
 * ({@code <no>|<milestone>|near|overdue} scored by epoch millis), {@code qiying:ticket-events} stream,
 * {@code qiying:ticket-idx:v1} search index, {@code qiying:ticket-queue:<department>} sorted set of the department's
 * open tickets by resolve deadline (kept by the same Lua write as the ticket).
 */
final class TicketKeys {

    public static final String EVENTS = Keys.of("ticket-events");
    public static final String DEADLINES = Keys.of("ticket-deadlines");
    public static final String INDEX = Keys.of("ticket-idx", "v1");
    static final String DOC_PREFIX = Keys.of("ticket", "QY");
    static final String QUEUE_PREFIX = Keys.of("ticket-queue") + ":";
    /** Set once every open ticket written before the queues existed has been put in its queue. */
    static final String QUEUES_BUILT = Keys.of("ticket-queue-built", "v1");

    private TicketKeys() {
    }

    public static String ticket(String no) {
        return Keys.of("ticket", no);
    }

    static String external(String externalId) {
        return Keys.of("ticket-external", externalId);
    }

    static String queue(String department) {
        return QUEUE_PREFIX + department;
    }

    static String sequence(String day) {
        return Keys.of("ticket-seq", day);
    }
}
