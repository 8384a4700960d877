package cn.qiying.handoff.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.Steps;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.stats.TicketStats;
import cn.qiying.handoff.ticket.SupervisionEntry;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest
class DeadlineSweeperTest {

    @Autowired AppealDesk desk;
    @Autowired Steps steps;
    @Autowired Tickets store;
    @Autowired DeadlineSweeper sweeper;
        @Autowired TicketStats stats;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;
    @Autowired UnifiedJedis redis;

    @BeforeEach
    void setUp() {
        testDesk.departments();
        clock.set(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()); // Monday
    }

    @Test
    void nearDeadlineAndOverdueAreFlaggedWithinAMinuteOfTheirThresholds() {
        String no = Fixtures.done(desk.submit(Fixtures.appeal("sweep-1", "用电增容审批迟迟没有结果"))).no();
        Ticket t = store.find(no).orElseThrow();
        Instant contactBy = t.getDeadlines().contactBy(); // end of Tuesday
        Instant nearContact = t.getReceivedAt().plusMillis((long) (Duration.between(t.getReceivedAt(), contactBy).toMillis() * 0.8));

        clock.set(nearContact.minusSeconds(30));
        sweeper.sweep();
        assertThat(store.find(no).orElseThrow().getFlags().nearDeadline()).isFalse();

        clock.set(nearContact.plusSeconds(30));
        sweeper.sweep();
        Ticket near = store.find(no).orElseThrow();
        assertThat(near.getFlags().nearDeadline()).isTrue();
        assertThat(near.getFlags().overdue()).isFalse();
        assertThat(near.getFlags().supervised()).isTrue();

        clock.set(contactBy.plusSeconds(59));
        sweeper.sweep();
        Ticket overdue = store.find(no).orElseThrow();
        assertThat(overdue.getFlags().overdue()).isTrue();
        assertThat(overdue.getSupervision()).extracting(SupervisionEntry::reason)
                .containsExactly(SupervisionEntry.Reason.NEAR_DEADLINE, SupervisionEntry.Reason.OVERDUE);
        assertThat(overdue.getHistory()).extracting(h -> h.action()).contains("near-deadline", "overdue");

        sweeper.sweep();
        assertThat(store.find(no).orElseThrow().getVersion()).as("a timer fires once").isEqualTo(overdue.getVersion());
    }

    @Test
    void timersAreInRedisSoTheySurviveARestartAndStopWhenTheMilestoneIsMet() {
        String no = Fixtures.done(desk.submit(Fixtures.appeal("sweep-2", "企业招工难，希望协助对接"))).no();
        assertThat(redis.zrange("qiying:ticket-deadlines", 0, -1)).contains(no + "|contact|overdue", no + "|resolve|overdue");

        steps.act(no, TestDesk.OPERATOR, "triage", "{\"complexity\": \"general\"}");
        steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"rsj\"}");
        steps.act(no, TestDesk.LABOUR, "accept");
        steps.act(no, TestDesk.LABOUR, "contact", "{\"note\": \"已联系\"}");
        assertThat(redis.zrange("qiying:ticket-deadlines", 0, -1)).doesNotContain(no + "|contact|overdue").contains(no + "|resolve|overdue");

        clock.advance(Duration.ofDays(3));
        sweeper.sweep();
        Ticket t = store.find(no).orElseThrow();
        assertThat(t.getFlags().overdue()).isFalse();

        steps.act(no, TestDesk.LABOUR, "resolve", "{\"result\": \"已推荐岗位\"}");
        assertThat(redis.zrange("qiying:ticket-deadlines", 0, -1)).noneMatch(m -> m.startsWith(no));
    }

    @Test
    void onlyOneSweeperRunsAtATime() {
        redis.set("qiying:lock:deadline-sweeper", "another-instance");
        assertThat(sweeper.sweep()).isEqualTo(-1);
        redis.del("qiying:lock:deadline-sweeper");
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sameEnterpriseAndCategoryTwiceIn30DaysIsSupervisedAsRepeated() {
        String first = Fixtures.done(desk.submit(otherEnterprise("rep-1", "贷款审批慢"))).no();
        clock.advance(Duration.ofDays(10));
        String second = Fixtures.done(desk.submit(otherEnterprise("rep-1", "贷款仍未审批"))).no();
        steps.drain();

        assertThat(store.find(first).orElseThrow().getFlags().repeated()).isFalse();
        Ticket repeated = store.find(second).orElseThrow();
        assertThat(repeated.getFlags().repeated()).isTrue();
        assertThat(repeated.getSupervision()).extracting(SupervisionEntry::note).anyMatch(n -> n.contains(first));
    }

    static cn.qiying.handoff.appeal.NewAppeal otherEnterprise(String openId, String description) {
        return new cn.qiying.handoff.appeal.NewAppeal("mp", "wx-app", openId, "help", "济南华山食品有限公司", Fixtures.OTHER_USCC, "王五",
                "13900000000", "天桥区", "融资", description, List.of(), null, null);
    }

    @Test
    void statsGiveRatesOverallAndPerDepartment() {
        clock.set(OffsetDateTime.parse("2026-05-11T10:00:00+08:00").toInstant());
        String onTime = Fixtures.done(desk.submit(Fixtures.appeal("st-1", "营业执照年报"))).no();
        String late = Fixtures.done(desk.submit(Fixtures.appeal("st-2", "社保补缴"))).no();
        for (String no : List.of(onTime, late)) {
            steps.act(no, TestDesk.OPERATOR, "triage", "{\"complexity\": \"general\", \"category\": \"市场准入\"}");
            steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");
            steps.act(no, TestDesk.MARKET, "accept");
        }
        steps.act(onTime, TestDesk.MARKET, "resolve", "{\"result\": \"已办结\"}");
        clock.advance(Duration.ofDays(40));
        steps.act(late, TestDesk.MARKET, "resolve", "{\"result\": \"已办结\"}");
        steps.act(onTime, TestDesk.OPERATOR, "review", "{\"passed\": true}");
        Fixtures.done(desk.rate(onTime, "st-1", cn.qiying.handoff.ticket.Rating.SATISFIED, null));
        String open = Fixtures.done(desk.submit(Fixtures.appeal("st-3", "用电"))).no();

        var report = stats.between(OffsetDateTime.parse("2026-05-11T00:00:00+08:00").toInstant(), clock.instant().plusSeconds(1));
        assertThat(report.overall().tickets()).isEqualTo(3);
        assertThat(report.overall().resolutionRate()).isEqualTo(0.6667);
        assertThat(report.byDepartment().get("scjgj").onTimeRate()).isEqualTo(0.5);
        assertThat(report.byDepartment().get("scjgj").satisfactionRate()).isEqualTo(1.0);
        assertThat(report.byDepartment()).containsKey("unassigned");
        assertThat(report.byCategory()).containsEntry("市场准入", 2L);
        assertThat(report.byDistrict()).containsEntry("历下区", 3L);
        assertThat(open).isNotNull();
    }
}
