package cn.qiying.handoff.supervision;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import cn.qiying.handoff.ticket.Tickets;

/** The desk's timers: event consumers every second, the deadline sweeper at {@code qiying.sla.sweep-interval}. Off with {@code qiying.tickets.background=false} (tests drive them). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "qiying.tickets.background", havingValue = "true", matchIfMissing = true)
class BackgroundWork {

    private final Tickets tickets;
    private final DeadlineSweeper sweeper;

    BackgroundWork(Tickets tickets, DeadlineSweeper sweeper) {
        this.tickets = tickets;
        this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${qiying.tickets.poll-interval:PT1S}")
    void consume() {
        tickets.drainEvents();
    }

    @Scheduled(fixedDelayString = "${qiying.sla.sweep-interval:PT15S}")
    void sweep() {
        sweeper.sweep();
    }
}
