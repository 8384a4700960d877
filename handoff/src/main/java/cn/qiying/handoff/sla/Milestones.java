package cn.qiying.handoff.sla;

import java.time.Instant;

/** Deadlines as instants; null where the preset has none. */
public record Milestones(Instant contactBy, Instant replyBy, Instant resolveBy) {

    public static final Milestones NONE = new Milestones(null, null, null);
}
