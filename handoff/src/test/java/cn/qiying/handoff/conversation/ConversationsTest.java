package cn.qiying.handoff.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.handoff.conversation.Conversations.Direction;
import cn.qiying.handoff.conversation.Conversations.Mode;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest
class ConversationsTest {

    @Autowired
    Conversations conversations;

    @Autowired
    MovableClock clock;

    @Test
    void transcriptKeepsBothDirectionsInOrder() {
        String user = UserKey.of("mp", "wx-app", "t-1").value();
        Instant t0 = Instant.parse("2026-09-29T02:00:00Z");
        conversations.record(user, Direction.USER, "营业执照怎么办", t0);
        conversations.record(user, Direction.BOT, "请携带身份证到政务服务大厅", t0.plusSeconds(1));
        conversations.record(user, Direction.USER, "谢谢", t0.plusSeconds(2));

        assertThat(conversations.transcript(user, 2)).extracting(Conversations.Entry::text).containsExactly("请携带身份证到政务服务大厅", "谢谢");
        assertThat(conversations.transcript(user, 10)).hasSize(3).first().extracting(Conversations.Entry::direction).isEqualTo(Direction.USER);
    }

    @Test
    void askingForAHumanQueuesTheUserUntilHandedBack() {
        clock.set(Instant.parse("2026-09-29T02:00:00Z")); // Tuesday 10:00 in Shanghai
        String first = UserKey.of("mp", "wx-app", "q-1").value();
        String second = UserKey.of("ma", "wx-mini", "q-2").value();

        var a = conversations.requestHuman(first, "mp", "wx-app", "q-1");
        clock.advance(java.time.Duration.ofSeconds(5));
        var b = conversations.requestHuman(second, "ma", "wx-mini", "q-2");
        var again = conversations.requestHuman(first, "mp", "wx-app", "q-1");

        assertThat(a.position()).isEqualTo(1);
        assertThat(b.position()).isEqualTo(2);
        assertThat(again.position()).isEqualTo(1);
        assertThat(a.withinServiceHours()).isTrue();
        assertThat(a.serviceHours()).isEqualTo("工作日 9:00-17:00");
        assertThat(conversations.mode(first)).isEqualTo(Mode.WAITING);

        conversations.handBack(first);

        assertThat(conversations.mode(first)).isEqualTo(Mode.BOT);
        assertThat(conversations.requestHuman(second, "ma", "wx-mini", "q-2").position()).isEqualTo(1);
    }

    @Test
    void nightsAndHolidaysAreOutsideServiceHours() {
        clock.set(Instant.parse("2026-10-02T02:00:00Z")); // National Day holiday, 10:00
        assertThat(conversations.requestHuman(UserKey.of("mp", "a", "h-1").value(), "mp", "a", "h-1").withinServiceHours()).isFalse();
        clock.set(Instant.parse("2026-09-29T10:00:00Z")); // Tuesday 18:00
        assertThat(conversations.requestHuman(UserKey.of("mp", "a", "h-2").value(), "mp", "a", "h-2").withinServiceHours()).isFalse();
        clock.set(Instant.parse("2026-09-20T02:00:00Z")); // make-up Sunday, 10:00
        assertThat(conversations.requestHuman(UserKey.of("mp", "a", "h-3").value(), "mp", "a", "h-3").withinServiceHours()).isTrue();
        for (String user : new String[] {"h-1", "h-2", "h-3"}) {
            conversations.handBack(UserKey.of("mp", "a", user).value());
        }
    }
}
