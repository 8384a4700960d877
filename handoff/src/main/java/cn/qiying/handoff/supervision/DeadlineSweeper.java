package cn.qiying.handoff.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.ticket.FlagDeadline;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.handoff.ticket.Timer;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;

/**
 * Flags tickets near their deadline or overdue. The timers are a sorted set written with every ticket change, so they
 * survive restarts; one instance in a cluster sweeps at a time, holding {@code qiying:lock:deadline-sweeper}.
 */
@Component
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    static final String LOCK = Keys.of("lock", "deadline-sweeper");
    private static final int BATCH = 200;

    private final Tickets tickets;
    private final Clock clock;
    private final RedisLock lock;

    DeadlineSweeper(UnifiedJedis redis, Tickets tickets, Clock clock) {
        this.tickets = tickets;
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
                List<Timer> due = tickets.dueTimers(now, BATCH);
                if (due.isEmpty()) {
                    return flagged;
                }
                for (Timer timer : due) {
                    if (fire(timer)) {
                        flagged++;
                    }
                    tickets.timerDone(timer);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fire(Timer timer) {
        var outcome = tickets.performAsSystem(timer.no(), new FlagDeadline(timer.milestone(), timer.stage()));
        if (outcome.isDone()) {
            log.info("ticket {} {} {}", timer.no(), timer.milestone(), timer.stage());
        } else {
            log.debug("timer {} not applicable: {}", timer, outcome.refusal().messageKey());
        }
        return outcome.isDone();
    }
}
