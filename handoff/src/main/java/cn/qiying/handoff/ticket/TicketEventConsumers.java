package cn.qiying.handoff.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Feeds the ticket event stream to every {@link TicketEventHandler}, one consumer group each: new entries, then
 * entries left pending longer than the retry delay (a failed or crashed delivery). After {@code maxAttempts} an entry
 * is recorded in {@code qiying:ticket-events-failed} and acknowledged.
 */
@Component
public class TicketEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(TicketEventConsumers.class);
    static final String ATTEMPTS = Keys.of("ticket-events-attempts");
    static final String FAILED = Keys.of("ticket-events-failed");

    private final UnifiedJedis redis;
    private final List<TicketEventHandler> handlers;
    private final String consumer = "c-" + UUID.randomUUID();
    private final Duration retryDelay;
    private final int maxAttempts;

    TicketEventConsumers(UnifiedJedis redis, List<TicketEventHandler> handlers,
                         @Value("${qiying.tickets.retry-delay:PT30S}") Duration retryDelay,
                         @Value("${qiying.tickets.max-attempts:20}") int maxAttempts) {
        this.redis = redis;
        this.handlers = handlers;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    /** Handles what is waiting now; returns how many entries were handled. */
    public int drain() {
        int handled = 0;
        for (TicketEventHandler handler : handlers) {
            handled += drain(handler);
        }
        return handled;
    }

    private int drain(TicketEventHandler handler) {
        ensureGroup(handler.group());
        int handled = 0;
        try {
            var claimed = redis.xautoclaim(TicketKeys.EVENTS, handler.group(), consumer, retryDelay.toMillis(),
                    new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(100));
            for (StreamEntry entry : claimed.getValue()) {
                handle(handler, entry);
                handled++;
            }
            while (true) {
                var read = redis.xreadGroup(handler.group(), consumer, XReadGroupParams.xReadGroupParams().count(100),
                        Map.of(TicketKeys.EVENTS, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
                    break;
                }
                for (StreamEntry entry : read.get(0).getValue()) {
                    handle(handler, entry);
                    handled++;
                }
            }
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                ensureGroup(handler.group());
            } else {
                throw e;
            }
        }
        return handled;
    }

    private void handle(TicketEventHandler handler, StreamEntry entry) {
        String id = entry.getID().toString();
        boolean done;
        try {
            done = handler.handle(TicketEvent.of(entry.getFields()));
        } catch (RuntimeException e) {
            log.warn("{} failed on event {}: {}", handler.group(), id, e.toString());
            done = false;
        }
        if (done) {
            redis.xack(TicketKeys.EVENTS, handler.group(), entry.getID());
            redis.hdel(ATTEMPTS, handler.group() + "|" + id);
            return;
        }
        long attempts = redis.hincrBy(ATTEMPTS, handler.group() + "|" + id, 1);
        if (attempts >= maxAttempts) {
            redis.hset(FAILED, handler.group() + "|" + id, entry.getFields().toString());
            redis.xack(TicketKeys.EVENTS, handler.group(), entry.getID());
            redis.hdel(ATTEMPTS, handler.group() + "|" + id);
            log.error("{} gave up on event {} after {} attempts", handler.group(), id, attempts);
        }
    }

    private void ensureGroup(String group) {
        try {
            redis.xgroupCreate(TicketKeys.EVENTS, group, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }
}
