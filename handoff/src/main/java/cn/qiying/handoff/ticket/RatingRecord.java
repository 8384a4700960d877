package cn.qiying.handoff.ticket;

import java.time.Instant;

public record RatingRecord(Rating rating, String comment, Instant at) {
}
