package cn.qiying.handoff.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketKeys;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.handoff.ticket.Timer;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Flags tickets near their deadline or overdue. The timers are a sorted set written with every ticket change, so they
 * survive restarts; one instance in a cluster sweeps at a time, holding {@code qiying:lock:deadline-sweeper}.
 */
@Component
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    static final String LOCK = Keys.of("lock", "deadline-sweeper");

    private final UnifiedJedis redis;
    private final TicketStore tickets;
    private final TicketTransitions transitions;
    private final Clock clock;
    private final RedisLock lock;

    DeadlineSweeper(UnifiedJedis redis, TicketStore tickets, TicketTransitions transitions, Clock clock) {
        this.redis = redis;
        this.tickets = tickets;
        this.transitions = transitions;
        this.clock = clock;
        this.lock = new RedisLock(redis, LOCK, Duration.ofMinutes(2));
    }

    /** Acts on every timer that is due; returns how many tickets were flagged, or -1 when another instance holds the lock. */
    public int sweep() {
        if (!lock.tryLock()) {
            return -1;
        }
        try {
            int flagged = 0;
            Instant now = clock.instant();
            while (true) {
                List<Tuple> due = redis.zrangeByScoreWithScores(TicketKeys.DEADLINES, 0, now.toEpochMilli(), 0, 200);
                if (due.isEmpty()) {
                    return flagged;
                }
                for (Tuple t : due) {
                    Timer timer = Timer.parse(t.getElement(), Instant.ofEpochMilli((long) t.getScore()));
                    if (fire(timer)) {
                        flagged++;
                    }
                    redis.zrem(TicketKeys.DEADLINES, t.getElement()); // the write re-armed the rest; a stale one just goes
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fire(Timer timer) {
        Ticket ticket = tickets.find(timer.no()).orElse(null);
        if (ticket == null) {
            return false;
        }
        try {
            transitions.performAsSystem(timer.no(), new TicketAction.FlagDeadline(timer.milestone(), timer.stage()));
            log.info("ticket {} {} {}", timer.no(), timer.milestone(), timer.stage());
            return true;
        } catch (ErrorResponseException e) {
            log.debug("timer {} not applicable: {}", timer, e.getMessage());
            return false;
        }
    }
}
