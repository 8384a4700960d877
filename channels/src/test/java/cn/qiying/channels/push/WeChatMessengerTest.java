package cn.qiying.channels.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.handoff.notify.Messenger.Delivery.Outcome;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;
import cn.qiying.testing.FakeWeChatServer.Answer;
import cn.qiying.testing.FakeWeChatServer.Failure;

class WeChatMessengerTest extends ChannelsIntegrationTest {

    private static final String CUSTOM = "/cgi-bin/message/custom/send";
    private static final String SUBSCRIBE = "/cgi-bin/message/subscribe/send";

    @Autowired
    Messenger messenger;

    /** A user per test: a window WeChat reported closed stays closed for its user. */
    private final String mpUser = "o-push-" + UUID.randomUUID().toString().substring(0, 8);
    private final String maUser = "ma-push-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aStatusChangeReachesTheOfficialAccountUserOnce() {
        Push push = mp("工单 JN20260930001 已转交市场监管局办理");
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(CUSTOM)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(mpUser).contains("已转交市场监管局办理"));
    }

    @Test
    void aPushWithoutTextIsToldByItsStatusLabel() {
        Push push = new Push(UUID.randomUUID().toString(), "mp", MP_APP_ID, mpUser, Push.Kind.STATUS, "JN20260930009", null,
                Map.of("status", "assigned", "statusLabel", "已转交承办部门"));
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(CUSTOM)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("JN20260930009").contains("已转交承办部门"));
    }

    @Test
    void concurrentDeliveriesOfOnePushSendOnce() throws Exception {
        Push push = mp("并发");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Messenger.Delivery>> calls = IntStream.range(0, 4)
                    .<Callable<Messenger.Delivery>>mapToObj(i -> () -> messenger.deliver(push)).toList();
            for (Future<Messenger.Delivery> f : pool.invokeAll(calls)) {
                assertThat(f.get().outcome()).isIn(Outcome.SENT, Outcome.RETRY);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(CUSTOM)).hasSize(1);
    }

    @Test
    void transientFailuresAskForARetryAndTheRetrySucceeds() {
        messenger.deliver(mp("先取得令牌"));
        for (Failure failure : List.of(Failure.HTTP_500, Failure.ERRCODE_MINUS_1)) {
            Push push = mp("暂时失败 " + failure);
            WECHAT.failNext(1, failure);
            Messenger.Delivery first = messenger.deliver(push);
            assertThat(first.outcome()).as(failure.name()).isEqualTo(Outcome.RETRY);
            assertThat(first.reason()).isNotBlank();
            assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        }
    }

    @Test
    void aTimeoutAsksForARetry() {
        messenger.deliver(mp("先取得令牌"));
        WECHAT.timeoutAfter(Duration.ofSeconds(3));
        WECHAT.failNext(1, Failure.TIMEOUT);
        assertThat(messenger.deliver(mp("超时")).outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void aTokenStillRefusedAfterOneRefreshAsksForARetry() {
        messenger.deliver(mp("先取得令牌"));
        WECHAT.answer(CUSTOM, r -> Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
        assertThat(messenger.deliver(mp("令牌失效")).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(WECHAT.requests(CUSTOM)).hasSize(3);
    }

    @Test
    void aClosedWindowIsRefused() {
        WECHAT.answer(CUSTOM, r -> Answer.json("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}"));
        Messenger.Delivery delivery = messenger.deliver(mp("超过48小时"));
        assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(delivery.reason()).contains("45015");
    }

    @Test
    void theMiniProgramGetsASubscribeMessageFilledFromThePush() {
        Push push = new Push(UUID.randomUUID().toString(), "ma", MA_APP_ID, maUser, Push.Kind.STATUS,
                "JN20260930001", null, Map.of("status", "已受理并转交承办部门"));
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(SUBSCRIBE)).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"touser\":\"" + maUser + "\"").contains("TPL_STATUS").contains("JN20260930001")
                .contains("\"phrase2\"").contains("已受理并…").contains("pages/appeal/detail"));
        assertThat(WECHAT.requests(CUSTOM)).isEmpty();
    }

    @Test
    void aSpentSubscriptionFallsBackToCustomerServiceAndIsRefusedWhenThatFailsToo() {
        WECHAT.answer(SUBSCRIBE, r -> Answer.json("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}"));
        Push push = new Push(UUID.randomUUID().toString(), "ma", MA_APP_ID, maUser, Push.Kind.STATUS,
                "JN20260930002", null, Map.of("status", "办结"));
        assertThat(messenger.deliver(push).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(CUSTOM)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("JN20260930002").contains("办结"));

        WECHAT.answer(CUSTOM, r -> Answer.json("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}"));
        Push later = new Push(UUID.randomUUID().toString(), "ma", MA_APP_ID, maUser, Push.Kind.STATUS,
                "JN20260930002", null, Map.of("status", "已评价"));
        Messenger.Delivery refused = messenger.deliver(later);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.reason()).contains("43101");
    }

    @Test
    void aKindWithoutATemplateAndAnUnknownChannelAreHandled() {
        Push rating = new Push(UUID.randomUUID().toString(), "ma", MA_APP_ID, maUser, Push.Kind.RATING_PROMPT,
                "JN20260930003", "请对本次办理评价", Map.of());
        assertThat(messenger.deliver(rating).outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(SUBSCRIBE)).isEmpty();
        Push web = new Push(UUID.randomUUID().toString(), "web", null, "w-1", Push.Kind.STATUS, "JN1", "x", Map.of());
        assertThat(messenger.deliver(web).outcome()).isEqualTo(Outcome.REFUSED);
    }

    private Push mp(String text) {
        return new Push(UUID.randomUUID().toString(), "mp", MP_APP_ID, mpUser, Push.Kind.STATUS, "JN20260930001", text,
                Map.of("status", "已转办"));
    }

}
