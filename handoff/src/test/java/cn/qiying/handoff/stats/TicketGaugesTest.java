package cn.qiying.handoff.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.Steps;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.supervision.DeadlineSweeper;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The desk's gauges count what the ticket index holds, and are read again only when stale. */
@ExtendWith(RealRedis.class)
@SpringBootTest
class TicketGaugesTest {

    @Autowired TicketGauges gauges;
    @Autowired AppealDesk desk;
    @Autowired Steps steps;
    @Autowired Tickets tickets;
    @Autowired DeadlineSweeper sweeper;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        testDesk.departments();
        clock.set(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()); // Monday
        gauges.bindTo(registry);
    }

    @Test
    void ticketsByStatusAndTheOpenOnesPastTheirDeadline() {
        double received = value("qiying.tickets", "status", "received");
        double triaged = value("qiying.tickets", "status", "triaged");
        double overdue = value("qiying.tickets.open", "flag", "overdue");

        String first = Fixtures.done(desk.submit(Fixtures.appeal("gauge-1", "厂区门口道路长期积水影响货车通行"))).no();
        Fixtures.done(desk.submit(Fixtures.appeal("gauge-2", "办理排污许可证网上系统一直提交失败")));
        steps.act(first, TestDesk.OPERATOR, "triage", "{\"complexity\": \"simple\", \"category\": \"市政设施\"}");
        assertThat(value("qiying.tickets", "status", "received")).as("read again only when stale").isEqualTo(received);

        clock.advance(TicketGauges.FRESH.plusSeconds(1));
        assertThat(value("qiying.tickets", "status", "received")).isEqualTo(received + 1);
        assertThat(value("qiying.tickets", "status", "triaged")).isEqualTo(triaged + 1);

        Instant contactBy = tickets.find(first).orElseThrow().getDeadlines().contactBy();
        clock.set(contactBy.plus(Duration.ofMinutes(2)));
        sweeper.sweep();
        clock.advance(TicketGauges.FRESH.plusSeconds(1));
        assertThat(value("qiying.tickets.open", "flag", "overdue")).isEqualTo(overdue + 2);
    }

    private double value(String name, String tag, String tagValue) {
        return registry.get(name).tag(tag, tagValue).gauge().value();
    }
}
