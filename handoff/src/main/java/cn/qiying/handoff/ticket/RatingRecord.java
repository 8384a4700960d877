package cn.qiying.handoff.ticket;

import java.time.Instant;

import cn.qiying.handoff.appeal.Rating;

public record RatingRecord(Rating rating, String comment, Instant at) {
}
