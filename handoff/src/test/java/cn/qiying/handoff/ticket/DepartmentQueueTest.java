package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.search.Document;
import redis.clients.jedis.search.FTSearchParams;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/**
 * A department's queue of open tickets (a sorted set kept by the ticket's own Lua write) always holds exactly what the
 * search index says is open in that department, through assignment, co-handling, return and reassignment, merge,
 * rejection, rating and reopening; and it is served in deadline order.
 */
@ExtendWith(RealRedis.class)
@SpringBootTest
class DepartmentQueueTest {

    static final List<String> DEPARTMENTS = List.of("scjgj", "rsj", "swj", "jrj");
    static final Actor TAX = new Actor("tax", Set.of(StaffRole.HANDLER), "swj");

    @Autowired AppealDesk desk;
    @Autowired TicketTransitions transitions;
    @Autowired TicketStore store;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;
    @Autowired UnifiedJedis redis;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-09-29T02:00:00Z"));
        testDesk.departments();
    }

    @Test
    void theQueueFollowsEveryTransitionThatChangesWhereATicketIsOpen() {
        String a = Fixtures.done(desk.submit(Fixtures.appeal("queue-a", "营业执照变更登记迟迟没有办结"))).no();
        String b = Fixtures.done(desk.submit(Fixtures.appeal("queue-b", "招聘高校毕业生的补贴一直没有到账"))).no();
        String c = Fixtures.done(desk.submit(Fixtures.appeal("queue-c", "出口退税审核时间太长影响资金周转"))).no();
        agrees();

        for (String no : List.of(a, b, c)) {
            transitions.perform(no, new Triage(Complexity.GENERAL, "融资"), TestDesk.OPERATOR);
        }
        transitions.perform(a, new Assign("scjgj", List.of("swj")), TestDesk.OPERATOR);
        transitions.perform(b, new Assign("rsj", List.of()), TestDesk.OPERATOR);
        transitions.perform(c, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
        agrees();
        assertThat(queue("swj")).containsExactly(a);

        transitions.perform(c, new Return("不属于本部门职责"), TestDesk.MARKET);
        agrees();
        transitions.perform(c, new Assign("swj", List.of()), TestDesk.OPERATOR);
        agrees();
        assertThat(queue("swj")).containsExactlyInAnyOrder(a, c);

        transitions.perform(b, new Accept(), TestDesk.LABOUR);
        transitions.perform(b, new Resolve("补贴已发放"), TestDesk.LABOUR);
        transitions.perform(b, new Review(true, null), TestDesk.OPERATOR);
        Fixtures.done(desk.rate(b, "queue-b", Rating.UNSATISFIED, "到账太晚"));
        agrees();
        assertThat(queue("rsj")).doesNotContain(b);
        transitions.perform(b, new Reopen("企业再次反映"), TestDesk.OPERATOR);
        agrees();
        String e = Fixtures.done(desk.submit(Fixtures.appeal("queue-e", "测试"))).no();
        transitions.perform(e, new Reject("无效诉求"), TestDesk.OPERATOR);
        agrees();

        String d = Fixtures.done(desk.submit(Fixtures.appeal("queue-d", "营业执照变更登记迟迟没有办结"))).no();
        transitions.perform(d, new Merge(a), TestDesk.OPERATOR);
        agrees();
    }

    @Test
    void theQueueIsServedSoonestDeadlineFirstAndHealsAStrayMember() {
        String first = Fixtures.done(desk.submit(Fixtures.appeal("order-1", "营业执照变更登记迟迟没有办结"))).no();
        clock.set(clock.instant().plusSeconds(3 * 86_400));
        String second = Fixtures.done(desk.submit(Fixtures.appeal("order-2", "营业执照注销登记需要补充什么材料"))).no();
        for (String no : List.of(second, first)) {
            transitions.perform(no, new Triage(Complexity.SIMPLE, "市场准入"), TestDesk.OPERATOR);
            transitions.perform(no, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
        }
        redis.zadd(TicketKeys.queue("scjgj"), 0, "QY209901010001"); // a member with no ticket behind it

        TicketQuery.Page page = store.search(TicketQuery.all().withDepartment("scjgj").withOpen(true, true).page(0, 20));

        assertThat(page.tickets()).extracting(Ticket::getNo).containsExactly(first, second);
        assertThat(page.total()).isEqualTo(2);
        assertThat(queue("scjgj")).containsExactly(first, second);
    }

    private List<String> queue(String department) {
        return redis.zrange(TicketKeys.queue(department), 0, -1);
    }

    private void agrees() {
        for (String department : DEPARTMENTS) {
            Set<String> indexed = new HashSet<>();
            for (Document d : redis.ftSearch(TicketKeys.INDEX, "@depts:{" + department + "} @open:{1}",
                    FTSearchParams.searchParams().noContent().dialect(2).limit(0, 1000)).getDocuments()) {
                indexed.add(d.getId().substring(d.getId().lastIndexOf(':') + 1));
            }
            assertThat(new HashSet<>(queue(department))).as("queue of %s", department).isEqualTo(indexed);
        }
    }
}
