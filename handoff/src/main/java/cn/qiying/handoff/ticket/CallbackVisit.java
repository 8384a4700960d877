package cn.qiying.handoff.ticket;

import java.time.Instant;

/** 回访: a call back to an enterprise that rated a ticket unsatisfied. */
public record CallbackVisit(Instant createdAt, String reason, boolean done) {
}
