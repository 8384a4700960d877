package cn.qiying.handoff.ticket;

import java.util.Map;

/** One event given up on: which consumer, the event, how often it was tried and the last reason. */
public record DeadLetter(String group, String eventId, Map<String, String> event, long attempts, String reason,
                         String failedAt) {
}
