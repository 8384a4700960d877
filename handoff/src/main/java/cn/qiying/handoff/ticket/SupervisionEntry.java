package cn.qiying.handoff.ticket;

import java.time.Instant;

/** A reason a ticket is supervised, or a reminder sent about it. */
public record SupervisionEntry(Reason reason, String note, Instant at, String by) {

    public enum Reason { MAJOR, REPEATED, CLUSTERED, NEAR_DEADLINE, OVERDUE, UNSATISFIED, MANUAL }
}
