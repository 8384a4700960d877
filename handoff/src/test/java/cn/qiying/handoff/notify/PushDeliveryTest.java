package cn.qiying.handoff.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadGroupParams;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.RecordingMessenger;
import cn.qiying.handoff.Steps;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/** Status pushes when the channel fails: retried with a growing delay, dead-lettered with the reason, recovered after a crash. */
@ExtendWith(RealRedis.class)
@SpringBootTest(properties = {"qiying.tickets.retry-delay=PT1M", "qiying.tickets.max-retry-delay=PT4M",
        "qiying.tickets.claim-idle=PT0S", "qiying.tickets.max-attempts=4"})
class PushDeliveryTest {

    @Autowired AppealDesk desk;
    @Autowired Steps steps;
    @Autowired Tickets store;
    @Autowired RecordingMessenger messenger;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;
    @Autowired UnifiedJedis redis;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-09-29T02:00:00Z"));
        testDesk.departments();
        steps.drain();
        messenger.reset();
    }

    private String assignedTicket(String openId) {
        String no = Fixtures.done(desk.submit(Fixtures.appeal(openId, "厂区用电增容申请迟迟没有答复"))).no();
        steps.act(no, TestDesk.OPERATOR, "triage", "{\"complexity\": \"general\"}");
        steps.drain();
        messenger.reset();
        return no;
    }

    @Test
    void aFailingPushIsRetriedWithADoublingDelayThenDeadLetteredWithTheReason() {
        String no = assignedTicket("fail-1");
        for (int i = 0; i < 10; i++) {
            messenger.answerNext(Delivery.retry("HTTP 500"));
        }
        steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");

        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(1);
        steps.drain(); // not due yet: one minute to wait
        assertThat(messenger.attemptsFor(no)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        steps.drain(); // the second wait is two minutes
        assertThat(messenger.attemptsFor(no)).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(3);
        clock.advance(Duration.ofMinutes(4)); // capped at four minutes
        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(4);

        clock.advance(Duration.ofHours(1));
        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(4).extracting(Push::id).containsOnly(messenger.attemptsFor(no).get(0).id());
        assertThat(store.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.group()).isEqualTo("pushes");
            assertThat(letter.attempts()).isEqualTo(4);
            assertThat(letter.reason()).contains("HTTP 500").contains(no);
            assertThat(letter.event()).containsEntry("no", no);
        });
    }

    @Test
    void aTicketsLaterPushWaitsForItsEarlierOneSoTheEnterpriseReadsThemInOrder() {
        String no = assignedTicket("order-1");
        String other = assignedTicket("order-2");
        messenger.answerNext(Delivery.retry("HTTP 500"));
        steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");
        steps.act(no, TestDesk.MARKET, "accept");
        steps.act(other, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");

        steps.drain();
        assertThat(messenger.attemptsFor(no)).as("the accept push waits behind the failed assign push").hasSize(1);
        assertThat(messenger.attemptsFor(other)).as("another ticket's push does not wait").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        steps.drain();
        steps.drain();
        List<Push> tried = messenger.attemptsFor(no);
        assertThat(tried).hasSize(3);
        assertThat(tried.get(1).id()).as("the assign push again, then the accept push").isEqualTo(tried.get(0).id());
        assertThat(tried.get(2).id()).isNotEqualTo(tried.get(0).id());
        assertThat(tried.get(2).text()).contains("已签收");
        assertThat(redis.hgetAll("qiying:ticket-events-held:pushes")).as("nothing held any more").isEmpty();
        assertThat(redis.xpending("qiying:ticket-events", "pushes").getTotal()).isZero();
    }

    @Test
    void aPushWhoseConsumerCrashedIsClaimedAgainAndDeliveredOnce() {
        String no = assignedTicket("crash-1");
        steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");
        // an instance read the event and died before acknowledging it
        var read = redis.xreadGroup("pushes", "crashed-instance", XReadGroupParams.xReadGroupParams().count(10),
                Map.of("qiying:ticket-events", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertThat(read).isNotEmpty();
        assertThat(messenger.attemptsFor(no)).isEmpty();

        steps.drain();
        steps.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(1);
        assertThat(redis.xpending("qiying:ticket-events", "pushes").getTotal()).isZero();
    }
}
