package cn.qiying.console.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.console.ConsoleClient;
import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.RecordingMessenger;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.UserKey;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/** Live conversations in the console: one holder per user, replies through the Messenger port, the live transcript, ticket and hand-back. */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleConversationsTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired MovableClock clock;
    @Autowired Conversations conversations;
    @Autowired RecordingMessenger messenger;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-12T02:00:00Z"));
        desk.staff();
        messenger.reset();
    }

    private String waitingUser(String openId, String says) {
        String key = UserKey.of("mp", "wx-app", openId).value();
        conversations.record(key, Conversations.Direction.USER, says, clock.instant());
        conversations.requestHuman(key, "mp", "wx-app", openId);
        return key;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void twoAgentsClaimingAtOnceLeaveTheUserWithExactlyOne() throws Exception {
        String key = waitingUser("o-race", "转人工");
        var first = ConsoleClient.loggedIn(port, "operator");
        var second = ConsoleClient.loggedIn(port, "admin1");
        first.get("/console/conversations");
        second.get("/console/conversations");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ConsoleClient.Page>> claims = new ArrayList<>();
        for (ConsoleClient agent : List.of(first, second)) {
            claims.add(pool.submit((Callable<ConsoleClient.Page>) () -> {
                go.await();
                return agent.post("/console/conversations/claim", Map.of("u", key));
            }));
        }
        go.countDown();
        List<String> landed = new ArrayList<>();
        for (var claim : claims) {
            landed.add(claim.get(10, TimeUnit.SECONDS).location());
        }
        pool.shutdown();
        assertThat(landed).filteredOn(l -> l.contains("/console/conversations/view")).hasSize(1);
        assertThat(conversations.agent(key)).get().isIn("operator", "admin1");
        assertThat(conversations.mode(key)).isEqualTo(Conversations.Mode.HUMAN);
        assertThat(conversations.waiting()).isEmpty();

        ConsoleClient loser = conversations.agent(key).get().equals("operator") ? second : first;
        var refused = loser.get("/console/conversations/view?u=" + enc(key));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(loser.postJson("/console/conversations/reply", "{\"userKey\":\"" + key + "\",\"text\":\"您好\"}", true).status()).isEqualTo(409);
        assertThat(messenger.attempts()).as("the user is told once that a person took over, and nothing else")
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Push.Kind.NOTICE);
                    assertThat(p.text()).startsWith("人工客服已接入");
                });
    }

    @Test
    void oneAgentHoldsSeveralConversationsAndRepliesReachTheUserThroughTheChannel() {
        String a = waitingUser("o-a", "营业执照变更怎么办");
        String b = waitingUser("o-b", "社保断缴怎么补");
        var operator = ConsoleClient.loggedIn(port, "operator");
        var board = operator.get("/console/conversations");
        assertThat(board.body()).contains("等待人工").contains("· o-a").contains("· o-b");
        operator.post("/console/conversations/claim", Map.of("u", a));
        operator.get("/console/conversations");
        operator.post("/console/conversations/claim", Map.of("u", b));
        var view = operator.get("/console/conversations/view?u=" + enc(a));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("营业执照变更怎么办");

        var sent = operator.postJson("/console/conversations/reply", "{\"userKey\":\"" + a + "\",\"text\":\"您好，我是企业服务中心的小王\"}", true);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("\"outcome\":\"sent\"");
        assertThat(messenger.attempts()).filteredOn(p -> p.kind() == Push.Kind.NOTICE).extracting(Push::openId)
                .as("each user told once that a person took over").containsExactly("o-a", "o-b");
        Push push = messenger.attempts().stream().filter(p -> p.kind() == Push.Kind.AGENT_REPLY).findFirst().orElseThrow();
        assertThat(push.openId()).isEqualTo("o-a");
        assertThat(push.channel()).isEqualTo("mp");
        assertThat(push.text()).isEqualTo("您好，我是企业服务中心的小王");
        assertThat(conversations.transcript(a, 10)).extracting(Conversations.Entry::direction).contains(Conversations.Direction.AGENT);

        messenger.answerNext(Messenger.Delivery.refused("the 48-hour customer-service window is closed"));
        var failed = operator.postJson("/console/conversations/reply", "{\"userKey\":\"" + b + "\",\"text\":\"请问还在吗\"}", true);
        assertThat(failed.body()).contains("\"outcome\":\"refused\"").contains("48-hour");
        assertThat(conversations.transcript(b, 10)).extracting(Conversations.Entry::text).doesNotContain("请问还在吗");
        assertThat(operator.postJson("/console/conversations/reply", "{\"userKey\":\"" + b + "\",\"text\":\"x\"}", false).status()).isEqualTo(403);
    }

    @Test
    void theTakeoverViewStreamsTheUsersNewMessagesLive() throws Exception {
        String key = waitingUser("o-live", "你好");
        var operator = ConsoleClient.loggedIn(port, "operator");
        operator.get("/console/conversations");
        operator.post("/console/conversations/claim", Map.of("u", key));
        var logged = conversations.transcriptAfter(key, "0", 100);
        String last = logged.get(logged.size() - 1).id();

        HttpClient http = HttpClient.newBuilder().cookieHandler(operatorCookies(operator)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/conversations/events?u=" + enc(key) + "&after=" + last))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<InputStream>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread.sleep(300);
        conversations.record(key, Conversations.Direction.USER, "我们厂里停电三天了<b>急</b>", clock.instant());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until && (line = in.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("停电三天")) {
                    break;
                }
            }
            assertThat(seen.toString()).contains("event:entry").contains("我们厂里停电三天了<b>急</b>").doesNotContain("你好");
        }
    }

    private static java.net.CookieHandler operatorCookies(ConsoleClient client) {
        return client.cookies();
    }

    @Test
    void theAgentFilesATicketForTheUserAndHandsTheUserBackToTheBot() {
        String key = waitingUser("o-file", "企业贷款到期，申请转贷支持");
        var operator = ConsoleClient.loggedIn(port, "operator");
        operator.get("/console/conversations");
        operator.post("/console/conversations/claim", Map.of("u", key));
        operator.get("/console/conversations/view?u=" + enc(key));
        var filed = operator.post("/console/conversations/ticket", Map.of("u", key, "kind", "help", "enterpriseName", "济南明泉精密机械有限公司",
                "uscc", Fixtures.USCC, "contact", "张三", "phone", "13800000000", "district", "历下区", "category", "融资",
                "description", "企业贷款到期，申请转贷支持"));
        assertThat(filed.location()).contains("/console/conversations/view");
        var view = operator.get("/console/conversations/view?u=" + enc(key));
        assertThat(view.body()).contains("已登记工单 QY");
        assertThat(messenger.attempts()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Push.Kind.NOTICE);
            assertThat(p.text()).contains("工单号 QY");
        });

        var back = operator.post("/console/conversations/handback", Map.of("u", key));
        assertThat(back.location()).endsWith("/console/conversations");
        assertThat(conversations.mode(key)).isEqualTo(Conversations.Mode.BOT);
        assertThat(conversations.agent(key)).isEmpty();
        var attempts = messenger.attempts();
        assertThat(attempts.get(attempts.size() - 1).text()).contains("人工客服已结束本次服务");
    }

    @Test
    void departmentHandlersDoNotTakeOverConversations() {
        var market = ConsoleClient.loggedIn(port, "market");
        assertThat(market.get("/console/conversations").status()).isEqualTo(403);
        assertThat(market.get("/console/tickets").body()).doesNotContain("id=\"nav-conversations\"");
    }
}
