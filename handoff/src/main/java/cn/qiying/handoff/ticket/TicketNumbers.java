package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.platform.time.ClockConfiguration;

/** Issues {@link TicketNumber}s: the Shanghai date of receipt and that day's atomic counter. */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.SHANGHAI);

    private final UnifiedJedis redis;

    TicketNumbers(UnifiedJedis redis) {
        this.redis = redis;
    }

    public String next(Instant receivedAt) {
        String day = DAY.format(receivedAt);
        String key = TicketKeys.sequence(day);
        long n = redis.incr(key);
        if (n == 1) {
            redis.expire(key, 3 * 24 * 3600);
        }
        return TicketNumber.of(java.time.LocalDate.parse(day, DAY), n).value();
    }
}
