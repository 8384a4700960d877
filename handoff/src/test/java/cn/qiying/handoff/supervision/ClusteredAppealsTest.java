package cn.qiying.handoff.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.Steps;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.ticket.SupervisionEntry;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/** Three or more similar descriptions in 7 days, judged with the in-process bge model, are supervised as clustered. */
@ExtendWith(RealRedis.class)
@SpringBootTest
class ClusteredAppealsTest {

    @TestConfiguration
    static class Embeddings {
        @Bean
        EmbeddingModel embeddingModel() {
            return new BgeSmallZhV15EmbeddingModel();
        }
    }

    static final List<String> ENTERPRISES = List.of("91370100MA3C8R1K2", "91370102MA3D2Q7X1", "91370103MA3E5T9Y4", "91370104MA3F6U2Z5");

    @Autowired AppealDesk desk;
    @Autowired Steps steps;
    @Autowired Tickets store;
    @Autowired MovableClock clock;
    @Autowired TestDesk testDesk;
    @Autowired UnifiedJedis redis;

    private int filed;

    @BeforeEach
    void setUp() {
        testDesk.departments();
        redis.del(RepeatedAppeals.VECTORS, RepeatedAppeals.RECENT);
        clock.set(OffsetDateTime.parse("2026-06-01T10:00:00+08:00").toInstant());
    }

    @Test
    void theThirdSimilarDescriptionWithinAWeekIsSupervisedAsClustered() {
        String first = file("工业园区这周连续停电三次，没有提前通知，生产线被迫停工");
        clock.advance(Duration.ofDays(2));
        String second = file("我们园区最近频繁停电，也不提前通知，工厂生产受到很大影响");
        clock.advance(Duration.ofDays(3));
        String third = file("园区总是突然停电，事先没有任何通知，车间设备停机损失严重");

        assertThat(clustered(first)).isFalse();
        assertThat(clustered(second)).as("two similar appeals are not yet a cluster").isFalse();
        Ticket t = store.find(third).orElseThrow();
        assertThat(clustered(third)).isTrue();
        assertThat(t.getFlags().supervised()).isTrue();
        assertThat(t.getSupervision()).filteredOn(s -> s.reason() == SupervisionEntry.Reason.CLUSTERED)
                .singleElement().satisfies(s -> assertThat(s.note()).contains(first).contains(second));
    }

    @Test
    void similarDescriptionsSpreadOverMoreThanAWeekAreNotACluster() {
        file("工业园区这周连续停电三次，没有提前通知，生产线被迫停工");
        clock.advance(Duration.ofDays(5));
        file("我们园区最近频繁停电，也不提前通知，工厂生产受到很大影响");
        clock.advance(Duration.ofDays(4)); // the first is now 9 days old
        String third = file("园区总是突然停电，事先没有任何通知，车间设备停机损失严重");

        assertThat(clustered(third)).isFalse();
    }

    @Test
    void unrelatedDescriptionsInOneWeekAreNotACluster() {
        file("工业园区这周连续停电三次，没有提前通知，生产线被迫停工");
        file("申请创业担保贷款三个月了银行一直没有放款");
        String third = file("食品经营许可证延续申请提交二十天没有答复");

        assertThat(clustered(third)).isFalse();
    }

    private String file(String description) {
        String uscc = ENTERPRISES.get(filed % ENTERPRISES.size());
        String no = Fixtures.done(desk.submit(new NewAppeal("mp", "wx-app", "cluster-" + filed, "complaint", "企业" + filed,
                uscc + cn.qiying.handoff.appeal.CreditCode.checkCharacter(uscc), "联系人", "13800000000", "历下区",
                "用电" + filed, description, List.of(), null, null))).no();
        filed++;
        steps.drain();
        return no;
    }

    private boolean clustered(String no) {
        return store.find(no).orElseThrow().getSupervision().stream().anyMatch(s -> s.reason() == SupervisionEntry.Reason.CLUSTERED);
    }
}
