package cn.qiying.handoff.ticket;

/** A consumer of the ticket event stream (its own consumer group); must be idempotent: events come at least once. */
public interface TicketEventHandler {

    /** The consumer group's name. */
    String group();

    /** Done with the event, or to be delivered again later (with why, kept if it ends as a dead letter). */
    Handled handle(TicketEvent event);

    record Handled(boolean done, String reason) {

        public static Handled finished() {
            return new Handled(true, null);
        }

        public static Handled retry(String reason) {
            return new Handled(false, reason);
        }
    }
}
