package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.RecordingMessenger;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.handoff.notify.Push;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusalProblems;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest(properties = "qiying.tickets.retry-delay=PT0S")
class TicketLifecycleTest {

    @Autowired AppealDesk desk;
    @Autowired TicketTransitions transitions;
    @Autowired RefusalProblems problems;
    @Autowired StatusLabels labels;
    @Autowired TicketStore store;
    @Autowired TicketEventConsumers consumers;
    @Autowired RecordingMessenger messenger;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;
    @Autowired UnifiedJedis redis;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-09-29T02:00:00Z")); // Tuesday 10:00 in Shanghai
        testDesk.departments();
        consumers.drain();
        messenger.reset();
    }

    String received(String openId, String description) {
        return Fixtures.done(desk.submit(Fixtures.appeal(openId, description))).no();
    }

    Ticket act(String no, TicketAction action, Actor actor) {
        clock.advance(Duration.ofMinutes(10));
        return Fixtures.done(transitions.perform(no, action, actor));
    }

    Ticket untilResolved(String no) {
        act(no, new Triage(Complexity.GENERAL, "市场准入"), TestDesk.OPERATOR);
        act(no, new Assign("scjgj", List.of("swj")), TestDesk.OPERATOR);
        act(no, new Accept(), TestDesk.MARKET);
        act(no, new Contact("已电话联系企业负责人"), TestDesk.MARKET);
        act(no, new Reply("已受理，正在协调窗口"), TestDesk.MARKET);
        act(no, new Reply("已安排专人指导"), TestDesk.MARKET);
        return act(no, new Resolve("已办结：营业执照变更完成"), TestDesk.MARKET);
    }

    @Test
    void aTicketWalksTheWholeLifeAndKeepsItsHistory() {
        String no = received("life-1", "公司营业执照地址变更，希望指导办理");
        untilResolved(no);
        act(no, new Review(true, null), TestDesk.OPERATOR);
        TicketView rated = Fixtures.done(desk.rate(no, "life-1", Rating.SATISFIED, "办理很快"));
        Ticket closed = act(no, new Close(), TestDesk.OPERATOR);

        assertThat(rated.status()).isEqualTo("rated");
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getHistory()).extracting(HistoryEntry::action).containsExactly("receive", "triage", "assign", "accept",
                "contact", "reply", "reply", "resolve", "review", "rate", "close");
        assertThat(closed.getHistory()).extracting(HistoryEntry::actor).contains("operator", "market", "enterprise");
        assertThat(closed.getCounters().replies()).isEqualTo(2);
        assertThat(closed.getCoDepartments()).containsExactly("swj");
        assertThat(closed.getRating().rating()).isEqualTo(Rating.SATISFIED);
        assertThat(closed.getVersion()).isEqualTo(11);
    }

    @Test
    void returnedTicketGoesBackToTheCentreForReassignment() {
        String no = received("ret-1", "社保缴费基数核定有误");
        act(no, new Triage(Complexity.SIMPLE, "用工"), TestDesk.OPERATOR);
        act(no, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
        Ticket returned = act(no, new Return("不属于本部门职责，应由人社局办理"), TestDesk.MARKET);

        assertThat(returned.getStatus()).isEqualTo(TicketStatus.RETURNED);
        assertThat(returned.getDepartment()).isNull();
        assertThat(returned.getCounters().returns()).isEqualTo(1);
        assertThat(act(no, new Assign("人社局", List.of()), TestDesk.OPERATOR).getDepartment()).isEqualTo("rsj");
        assertThat(transitions.perform(no, new Accept(), TestDesk.MARKET).refusal()).isInstanceOf(Refusal.NotFound.class);
    }

    @Test
    void failedQualityCheckSendsTheTicketBackForRedo() {
        String no = received("redo-1", "食品经营许可证延续申请材料被退回");
        untilResolved(no);
        Ticket redo = act(no, new Review(false, "答复未说明延续所需材料"), TestDesk.OPERATOR);
        assertThat(redo.getStatus()).isEqualTo(TicketStatus.REDO);
        assertThat(redo.getCounters().redos()).isEqualTo(1);
        assertThat(act(no, new Resolve("已补充说明材料清单"), TestDesk.MARKET).getStatus()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void anIllegalTransitionNamesTheCurrentStatus() {
        String no = received("ill-1", "希望了解注册资本认缴规定");
        Refusal refused = transitions.perform(no, new Resolve("办结"), TestDesk.ADMIN).refusal();
        assertThat(refused).isInstanceOf(Refusal.IllegalStep.class);
        assertThat(refused.properties()).containsEntry("ticketStatus", "received");
        assertThat(problems.text(refused)).contains(labels.label(TicketStatus.RECEIVED)).contains(labels.text("ticket.action.resolve"));
    }

    @Test
    void rejectedAndMergedTicketsAreFinished() {
        String first = received("dup-1", "园区停电影响生产");
        String second = received("dup-1", "园区停电影响生产，请尽快恢复");
        String third = received("dup-2", "测试");
        assertThat(act(second, new Merge(first), TestDesk.OPERATOR).getMergedInto()).isEqualTo(first);
        assertThat(act(third, new Reject("无效诉求"), TestDesk.OPERATOR).getStatus()).isEqualTo(TicketStatus.REJECTED);
        assertThat(desk.openTicketsOf("mp", "wx-app", "dup-1")).extracting(TicketView::no).containsExactly(first);
        assertThat(transitions.perform(third, new Triage(Complexity.SIMPLE, null), TestDesk.OPERATOR).refusal().properties())
                .containsEntry("ticketStatus", TicketStatus.REJECTED.json());
    }

    @Test
    void twoStaffActingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        int rounds = 10;
        int staff = 4;
        ExecutorService pool = Executors.newFixedThreadPool(staff);
        try {
            for (int round = 0; round < rounds; round++) {
                String no = received("race-" + round, "并发签收测试诉求");
                act(no, new Triage(Complexity.GENERAL, null), TestDesk.OPERATOR);
                act(no, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < staff; i++) {
                    TicketAction action = new Accept();
                    results.add(pool.submit(() -> {
                        start.await();
                        Refusal lost = transitions.perform(no, action, TestDesk.MARKET).refusal();
                        return lost == null ? 200 : RefusalProblems.status(lost).value();
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : results) {
                    codes.add(f.get());
                }
                assertThat(codes).as("round %d", round).containsOnlyOnce(200).containsOnly(200, 409);
                Ticket after = store.find(no).orElseThrow();
                assertThat(after.getVersion()).isEqualTo(4);
                assertThat(after.getHistory()).hasSize(4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusChangesArePushedOnceEachOnTheUsersChannel() {
        String no = received("push-1", "用电增容申请进度查询");
        untilResolved(no);
        act(no, new Review(true, "答复完整"), TestDesk.OPERATOR);

        consumers.drain();
        consumers.drain();

        List<Push> pushes = messenger.attemptsFor(no);
        assertThat(pushes).extracting(p -> p.fields().getOrDefault("status", "rating-prompt"))
                .containsExactly("assigned", "accepted", "contacted", "replied", "replied", "reviewed", "rating-prompt");
        assertThat(pushes).allSatisfy(p -> {
            assertThat(p.channel()).isEqualTo("mp");
            assertThat(p.openId()).isEqualTo("push-1");
        });
        assertThat(pushes.get(0).text()).contains(no).contains("已交办").contains("市场监管局");
        assertThat(pushes).extracting(Push::id).doesNotHaveDuplicates();
    }

    @Test
    void aPushThatMustBeRetriedIsRetriedWithTheSameIdAndARefusalIsRecorded() {
        String no = received("push-2", "用电增容申请进度查询");
        act(no, new Triage(Complexity.GENERAL, null), TestDesk.OPERATOR);
        messenger.answerNext(Delivery.retry("HTTP 503"));
        act(no, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
        consumers.drain();
        consumers.drain();
        assertThat(messenger.attemptsFor(no)).extracting(Push::id).containsExactly("status:" + no + ":3", "status:" + no + ":3");

        messenger.answerNext(Delivery.refused("48 小时窗口已关闭"));
        act(no, new Accept(), TestDesk.MARKET);
        consumers.drain();
        consumers.drain();
        assertThat(messenger.attemptsFor(no)).hasSize(3);
        assertThat(redis.hget("qiying:push-refused", "status:" + no + ":4")).isEqualTo("48 小时窗口已关闭");
    }

    @Test
    void unsatisfiedRatingCreatesACallbackVisitAndSupervisionAndMayReopen() {
        String no = received("rate-1", "纳税信用等级评定有异议");
        untilResolved(no);
        act(no, new Review(true, null), TestDesk.OPERATOR);
        Fixtures.done(desk.rate(no, "rate-1", Rating.ofStars(1).orElseThrow(), "问题没有解决"));

        Ticket rated = store.find(no).orElseThrow();
        assertThat(rated.getRating().rating()).isEqualTo(Rating.UNSATISFIED);
        assertThat(rated.getCallbackVisit()).isNotNull();
        assertThat(rated.getFlags().supervised()).isTrue();
        assertThat(rated.getSupervision()).extracting(SupervisionEntry::reason).contains(SupervisionEntry.Reason.UNSATISFIED);
        assertThat(desk.rate(no, "rate-1", Rating.SATISFIED, null).refusal().properties()).containsEntry("ticketStatus", TicketStatus.RATED.json());

        clock.advance(Duration.ofDays(3));
        Ticket reopened = act(no, new Reopen("回访后企业仍不满意"), TestDesk.OPERATOR);
        assertThat(reopened.getStatus()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.getDeadlines().resolveBy()).isAfter(rated.getDeadlines().resolveBy());
        assertThat(act(no, new Assign("swj", List.of()), TestDesk.OPERATOR).getStatus()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void majorMattersAreSupervisedFromTriage() {
        String no = received("major-1", "多家企业反映园区供水中断");
        Ticket t = act(no, new Triage(Complexity.MAJOR, "用水"), TestDesk.OPERATOR);
        assertThat(t.getFlags().supervised()).isTrue();
        assertThat(t.getSupervision()).extracting(SupervisionEntry::reason).containsExactly(SupervisionEntry.Reason.MAJOR);
    }

    @Test
    void responsibilityListSuggestsTheLeadDepartment() {
        String no = received("route-1", "办理营业执照注册需要哪些材料");
        Ticket t = act(no, new Triage(Complexity.SIMPLE, "市场准入"), TestDesk.OPERATOR);
        assertThat(t.getSuggestedDepartment()).isEqualTo("scjgj");
        assertThat(t.getSuggestionConfidence()).isGreaterThan(0.5);
    }
}
