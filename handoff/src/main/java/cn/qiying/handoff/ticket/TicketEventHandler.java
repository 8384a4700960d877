package cn.qiying.handoff.ticket;

/** A consumer of the ticket event stream (its own consumer group); must be idempotent: events come at least once. */
public interface TicketEventHandler {

    /** The consumer group's name. */
    String group();

    /** True when done with the event; false to have it delivered again later. */
    boolean handle(TicketEvent event);
}
