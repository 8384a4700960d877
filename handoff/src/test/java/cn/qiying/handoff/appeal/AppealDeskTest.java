package cn.qiying.handoff.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusalProblems;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest
class AppealDeskTest {

    @Autowired
    AppealDesk desk;

    @Autowired
    MovableClock clock;

    @Autowired
    RefusalProblems problems;

    @Autowired
    StatusLabels labels;

    @BeforeEach
    void atThreeOnTheDayBeforeNationalDay() {
        clock.set(Instant.parse("2026-09-30T07:00:00Z")); // 15:00 in Shanghai
    }

    @Test
    void submittedAppealGetsANumberAndDeadlinesOnTheWorkingDayCalendar() {
        TicketView ticket = Fixtures.done(desk.submit(Fixtures.appeal("open-1", "企业流动资金紧张，希望了解贷款贴息政策")));

        assertThat(ticket.no()).matches("QY20260930\\d{4}");
        assertThat(ticket.status()).isEqualTo("received");
        assertThat(ticket.statusLabel()).isEqualTo("已受理");
        assertThat(ticket.deadlines().contactBy()).isEqualTo(OffsetDateTime.parse("2026-10-08T23:59:59+08:00"));
        assertThat(ticket.deadlines().resolveBy().toLocalDate()).hasToString("2026-10-27");
        assertThat(desk.find(ticket.no())).contains(ticket);
    }

    @Test
    void ticketNumbersFollowEachOtherWithinADay() {
        String first = Fixtures.done(desk.submit(Fixtures.appeal("open-2", "厂房租金补贴如何申请"))).no();
        String second = Fixtures.done(desk.submit(Fixtures.appeal("open-2", "用电增容审批太慢"))).no();

        assertThat(Long.parseLong(second.substring(10))).isEqualTo(Long.parseLong(first.substring(10)) + 1);
    }

    @Test
    void openTicketsAreTheUsersOwn() {
        Fixtures.done(desk.submit(Fixtures.appeal("open-3", "园区道路积水影响货车通行")));
        Fixtures.done(desk.submit(Fixtures.appeal("someone-else", "园区道路积水")));

        List<TicketView> mine = desk.openTicketsOf("mp", "wx-app", "open-3");

        assertThat(mine).extracting(TicketView::description).containsExactly("园区道路积水影响货车通行");
        assertThat(desk.openTicketsOf("ma", "wx-app", "open-3")).isEmpty();
    }

    @Test
    void aTicketIsShownToWhoeverKnowsItsNumberAndTheEnterprisesPhone() {
        String no = Fixtures.done(desk.submit(Fixtures.appeal("open-phone", "厂区周边夜间施工噪音扰民"))).no();
        assertThat(desk.findForPhone(no, "138 0000 0000")).map(TicketView::no).contains(no);
        assertThat(desk.findForPhone(no.toLowerCase(), "13800000000")).isPresent();
        assertThat(desk.findForPhone(no, "13900000000")).isEmpty();
        assertThat(desk.findForPhone(no, "")).isEmpty();
        assertThat(desk.findForPhone("QY000000000000", "13800000000")).isEmpty();
    }

    @Test
    void badCreditCodeAndPhoneAreRefusedInChinese() {
        NewAppeal bad = new NewAppeal("mp", "wx-app", "open-4", "help", "某公司", "91370100MA3C8R1K2X", "李四", "12345",
                "历下区", "融资", "资金困难", List.of(), null, null);

        Refusal refused = desk.submit(bad).refusal();
        assertThat(refused).isInstanceOf(Refusal.Several.class);
        assertThat(((Refusal.Several) refused).each()).extracting(Refusal::messageKey)
                .containsExactly("appeal.refusal.uscc-invalid", "appeal.refusal.phone-invalid");
        assertThat(problems.text(refused)).contains(labels.text("appeal.refusal.phone-invalid"));
    }

    @Test
    void unknownKindIsRefused() {
        NewAppeal bad = new NewAppeal("mp", "wx-app", "open-5", "gossip", "某公司", Fixtures.USCC, "李四", "13800000000",
                "历下区", "融资", "资金困难", List.of(), null, null);

        assertThat(desk.submit(bad).refusal()).extracting(Refusal::messageKey).isEqualTo("appeal.refusal.kind");
    }

    @Test
    void onlyAReviewedTicketCanBeRatedAndOnlyByItsOwnUser() {
        TicketView ticket = Fixtures.done(desk.submit(Fixtures.appeal("open-6", "希望协调办理施工许可")));

        assertThat(desk.rate(ticket.no(), "intruder", Rating.SATISFIED, null).refusal()).isInstanceOf(Refusal.NotFound.class);
        Refusal early = desk.rate(ticket.no(), "open-6", Rating.SATISFIED, null).refusal();
        assertThat(early).isInstanceOf(Refusal.IllegalStep.class);
        assertThat(problems.text(early)).contains(labels.label(TicketStatus.RECEIVED));
    }
}
