package cn.qiying.handoff.ticket;

import java.time.OffsetDateTime;

/** The ticket's milestones in Asia/Shanghai time; each is null where the SLA preset has none. */
public record Deadlines(OffsetDateTime contactBy, OffsetDateTime replyBy, OffsetDateTime resolveBy) {
}
