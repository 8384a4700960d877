package cn.qiying.handoff.ticket;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.platform.redis.Keys;

/**
 * Feeds the ticket event stream to every {@link TicketEventHandler}, one consumer group each: new entries, then
 * entries left pending longer than the claim idle time (a failed delivery, or one whose consumer crashed). A failed
 * entry is tried again after the retry delay, doubling with each attempt up to the maximum (on the Clock); after
 * {@code maxAttempts} it becomes a dead letter in {@code qiying:ticket-events-failed} with the last reason, and is
 * acknowledged.
 */
@Component
class TicketEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(TicketEventConsumers.class);
    static final String ATTEMPTS = Keys.of("ticket-events-attempts");
    static final String FAILED = Keys.of("ticket-events-failed");
    static final String DUE = Keys.of("ticket-events-due");
    static final String HELD = Keys.of("ticket-events-held");
    // the marker goes only if it is still this event's (another event may hold the ticket by now)
    private static final String RELEASE =
            "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end return 0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;
    private final List<TicketEventHandler> handlers;
    private final String consumer = "c-" + UUID.randomUUID();
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final Duration claimIdle;
    private final int maxAttempts;
    private final Clock clock;

    TicketEventConsumers(UnifiedJedis redis, List<TicketEventHandler> handlers, Clock clock,
                         @Value("${qiying.tickets.retry-delay:PT30S}") Duration retryDelay,
                         @Value("${qiying.tickets.max-retry-delay:PT30M}") Duration maxRetryDelay,
                         @Value("${qiying.tickets.claim-idle:${qiying.tickets.retry-delay:PT30S}}") Duration claimIdle,
                         @Value("${qiying.tickets.max-attempts:20}") int maxAttempts) {
        this.redis = redis;
        this.handlers = handlers;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.claimIdle = claimIdle;
        this.maxAttempts = maxAttempts;
    }

    /** The dead letters, for staff: nothing here was delivered, and nothing will be retried by itself. */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        redis.hgetAll(FAILED).forEach((key, json) -> letters.add(JSON.readValue(json, DeadLetter.class)));
        letters.sort((a, b) -> b.failedAt().compareTo(a.failedAt()));
        return letters;
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
            var claimed = redis.xautoclaim(TicketKeys.EVENTS, handler.group(), consumer, claimIdle.toMillis(),
                    new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(100));
            for (StreamEntry entry : claimed.getValue()) {
                if (due(handler, entry)) {
                    handle(handler, entry);
                    handled++;
                }
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

    /** A pending entry that failed before waits out its back-off; one whose consumer crashed is due at once. */
    private boolean due(TicketEventHandler handler, StreamEntry entry) {
        String due = redis.hget(DUE, handler.group() + "|" + entry.getID());
        return due == null || clock.millis() >= Long.parseLong(due);
    }

    private void handle(TicketEventHandler handler, StreamEntry entry) {
        String id = entry.getID().toString();
        String key = handler.group() + "|" + id;
        String ticket = entry.getFields().get("no");
        String blocker = ticket == null ? null : heldBy(handler, ticket, entry.getID());
        if (blocker != null) {
            // an earlier event of this ticket waits for a retry: this one follows it, so the enterprise reads its
            // pushes in the order the ticket moved (not an attempt: it never reached the handler)
            String blockerDue = redis.hget(DUE, handler.group() + "|" + blocker);
            redis.hset(DUE, key, blockerDue != null ? blockerDue : Long.toString(clock.millis() + retryDelay.toMillis()));
            return;
        }
        TicketEventHandler.Handled handled;
        try {
            handled = handler.handle(TicketEvent.of(entry.getFields()));
        } catch (RuntimeException e) {
            log.warn("{} failed on event {}: {}", handler.group(), id, e.toString());
            handled = TicketEventHandler.Handled.retry(e.toString());
        }
        if (handled.done()) {
            redis.xack(TicketKeys.EVENTS, handler.group(), entry.getID());
            redis.hdel(ATTEMPTS, key);
            redis.hdel(DUE, key);
            release(handler, ticket, id);
            return;
        }
        long attempts = redis.hincrBy(ATTEMPTS, key, 1);
        if (attempts >= maxAttempts) {
            DeadLetter letter = new DeadLetter(handler.group(), id, new LinkedHashMap<>(entry.getFields()), attempts,
                    handled.reason(), clock.instant().toString());
            redis.hset(FAILED, key, JSON.writeValueAsString(letter));
            redis.xack(TicketKeys.EVENTS, handler.group(), entry.getID());
            redis.hdel(ATTEMPTS, key);
            redis.hdel(DUE, key);
            release(handler, ticket, id);
            log.error("{} gave up on event {} after {} attempts: {}", handler.group(), id, attempts, handled.reason());
            return;
        }
        redis.hset(DUE, key, Long.toString(clock.millis() + backoff(attempts).toMillis()));
        if (ticket != null) {
            redis.hsetnx(held(handler), ticket, id);
        }
    }

    /** Per handler: ticket number → the id of its earliest event waiting for a retry. */
    private static String held(TicketEventHandler handler) {
        return HELD + ":" + handler.group();
    }

    /**
     * The earlier event of this ticket that this one must wait for, or null. A marker whose event is no longer pending
     * (acknowledged by a consumer that died before clearing it) is dropped rather than holding the ticket for ever.
     */
    private String heldBy(TicketEventHandler handler, String ticket, StreamEntryID current) {
        String blocker = redis.hget(held(handler), ticket);
        if (blocker == null || blocker.equals(current.toString())) {
            return null;
        }
        StreamEntryID blocking = new StreamEntryID(blocker);
        if (blocking.compareTo(current) > 0) {
            return null; // this one is older: it goes first
        }
        boolean pending = !redis.xpending(TicketKeys.EVENTS, handler.group(),
                XPendingParams.xPendingParams(blocking, blocking, 1)).isEmpty();
        if (!pending) {
            release(handler, ticket, blocker);
            return null;
        }
        return blocker;
    }

    private void release(TicketEventHandler handler, String ticket, String id) {
        if (ticket != null) {
            redis.eval(RELEASE, List.of(held(handler)), List.of(ticket, id));
        }
    }

    /** retry delay × 2^(attempts-1), at most the maximum retry delay. */
    private Duration backoff(long attempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
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
