package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.testing.RealRedis;

/**
 * With {@code qiying.redis.wait-replicas} set, a ticket write waits (WAITAOF on its own connection) for a replica's
 * append-only file. The test Redis has no replica: the wait runs out, the ticket stands on the primary's fsync, and the
 * shortfall is counted rather than refused.
 */
@ExtendWith(RealRedis.class)
@DirtiesContext
@SpringBootTest(properties = {"qiying.redis.wait-replicas=1", "qiying.redis.wait-timeout=PT0.3S"})
class ReplicaAcknowledgementTest {

    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @Autowired AppealDesk desk;
    @Autowired TicketStore store;
    @Autowired TestDesk testDesk;

    @BeforeAll
    static void meters() {
        Metrics.addRegistry(METERS);
    }

    @AfterAll
    static void noMeters() {
        Metrics.removeRegistry(METERS);
    }

    @Test
    void aTicketWriteWaitsForTheReplicaThenStandsOnThePrimaryAndTheShortfallIsCounted() {
        testDesk.departments();
        Fixtures.done(desk.submit(Fixtures.appeal("o-waitaof-warm", "营业执照变更登记咨询"))); // the first one loads what it needs
        double before = shortfalls();
        long start = System.nanoTime();
        String no = Fixtures.done(desk.submit(Fixtures.appeal("o-waitaof", "厂区用电增容申请迟迟没有答复"))).no();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(store.find(no)).isPresent();
        // warm, a submission takes a few milliseconds: the rest is WAITAOF holding the acknowledgement for its timeout
        assertThat(millis).as("the acknowledgement waited for the replica's confirmation").isGreaterThanOrEqualTo(250);
        assertThat(shortfalls() - before).as("no replica confirmed: counted").isGreaterThanOrEqualTo(1);
    }

    private static double shortfalls() {
        var counter = METERS.find("qiying.redis.waitaof.shortfall").counter();
        return counter == null ? 0 : counter.count();
    }
}
