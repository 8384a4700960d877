package cn.qiying.app.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.qiying.app.process.AppProcess;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app killed with -9 while status pushes wait for WeChat to recover: after a restart on the same Redis each push
 * is delivered exactly once. The app runs as a JVM of its own; WeChat is the local fake, failing until told otherwise.
 * Writes target/reports/drill-app.md.
 */
@Tag("drill")
@ExtendWith(RealRedis.class)
class AppKillDrill {

    static final String APP_ID = "wxdrill0000000001";
    static final String TOKEN = "drilltoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SEND = "/cgi-bin/message/custom/send";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void pendingPushesAreDeliveredOnceAfterTheAppIsKilled() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(false);
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        List<String> deliveredInOrder = new CopyOnWriteArrayList<>();
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            wechat.answer(SEND, request -> {
                if (failing.get()) {
                    refused.incrementAndGet();
                    return new FakeWeChatServer.Answer(500, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
                }
                JsonNode body = JSON.readTree(request.body());
                String content = body.path("text").path("content").asString();
                delivered.merge(body.path("touser").asString() + " " + content, 1, Integer::sum);
                for (String status : List.of("已交办", "已签收", "已联系")) {
                    if (content.contains(status)) {
                        deliveredInOrder.add(status);
                    }
                }
                return FakeWeChatServer.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            });
            List<String> settings = List.of("--spring.data.redis.url=" + System.getProperty("spring.data.redis.url"),
                    "--qiying.admin.password=drill-admin", "--qiying.demo.enabled=true", "--qiying.wechat.api-base-url=" + wechat.baseUrl(),
                    "--qiying.wechat.mp.app-id=" + APP_ID, "--qiying.wechat.mp.secret=drill-secret", "--qiying.wechat.mp.token=" + TOKEN,
                    "--qiying.wechat.mp.aes-key=" + AES_KEY, "--qiying.tickets.retry-delay=1s", "--qiying.tickets.max-retry-delay=2s",
                    "--qiying.tickets.claim-idle=5s", "--qiying.tickets.max-attempts=100");

            String no;
            String openId = "o-drill-" + System.nanoTime();
            long killedAt;
            try (AppProcess first = AppProcess.start("drill-app-first", settings)) {
                first.awaitHealthy(Duration.ofSeconds(120));
                no = fileAppeal(first, openId);
                failing.set(true);
                staff(first, "centre", "triage", no, "{\"complexity\":\"general\",\"category\":\"融资\"}");
                staff(first, "centre", "assign", no, "{\"department\":\"jrj\"}");
                staff(first, "finance", "accept", no, null);
                staff(first, "finance", "contact", no, "{\"note\":\"已电话联系\"}");
                Thread.sleep(4_000); // the pushes have failed and wait for their next attempt
                first.kill9();
                killedAt = System.nanoTime();
            }
            int refusedWhileDown = refused.get();
            failing.set(false);
            Map<String, Integer> deliveredBeforeRestart = Map.copyOf(delivered);
            Duration restartedIn;
            try (AppProcess second = AppProcess.start("drill-app-second", settings)) {
                restartedIn = second.awaitHealthy(Duration.ofSeconds(120));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pushesAbout(delivered, openId, no).size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(5_000); // room for a duplicate to show
            }
            double drainedSeconds = (System.nanoTime() - killedAt) / 1e9;
            Map<String, Integer> pushes = pushesAbout(delivered, openId, no);
            String report = String.format(Locale.ROOT, """
                    # Drill: the app killed with -9 while pushes are pending

                    An appeal filed by conversation (ticket %s); WeChat's customer-service API then answered HTTP 500 while the
                    ticket was assigned, accepted and contacted (three status pushes, %d refused attempts); the app was killed
                    with SIGKILL; WeChat recovered; a new app process on the same Redis became healthy in %.1f s.

                    | push (status) | deliveries before the kill | deliveries in the end |
                    |---|---|---|
                    %s

                    All pushes delivered %.1f s after the kill (restart included), in this order: %s. Each must be delivered
                    exactly once, in the order the ticket moved.

                    Command: `make drills`, or `mvn -B -o -q -pl config -am test -Pdrill -Dtest=AppKillDrill -Dsurefire.failIfNoSpecifiedTests=false`.
                    """, no, refusedWhileDown, restartedIn.toMillis() / 1000.0,
                    pushes.entrySet().stream().map(e -> "| " + e.getKey().replace(openId + " ", "") + " | "
                            + deliveredBeforeRestart.getOrDefault(e.getKey(), 0) + " | " + e.getValue() + " |").collect(Collectors.joining("\n")),
                    drainedSeconds, String.join(" → ", deliveredInOrder));
            Path out = Path.of("target", "reports", "drill-app.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(refusedWhileDown).as("the pushes were pending when the app died").isPositive();
            assertThat(pushes.keySet()).as(report).hasSize(3)
                    .anyMatch(p -> p.contains("已交办")).anyMatch(p -> p.contains("已签收")).anyMatch(p -> p.contains("已联系"));
            assertThat(pushes.values()).as("each push once: " + report).allMatch(n -> n == 1);
            assertThat(deliveredInOrder).as("in the order the ticket moved").containsExactly("已交办", "已签收", "已联系");
        }
    }

    private static Map<String, Integer> pushesAbout(Map<String, Integer> delivered, String openId, String no) {
        return delivered.entrySet().stream().filter(e -> e.getKey().startsWith(openId + " ") && e.getKey().contains(no))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String fileAppeal(AppProcess app, String openId) {
        WeChatCallbackClient user = new WeChatCallbackClient(URI.create(app.base() + "/wechat/mp/callback"), TOKEN, AES_KEY, APP_ID,
                "gh_drill", Mode.PLAIN);
        for (String line : List.of("我要求助：企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷", "济南明泉精密机械有限公司",
                "91370100MA3C8R1K2G", "张三", "13800000000", "历下区", "没有")) {
            assertThat(user.text(openId, line).status()).isEqualTo(200);
        }
        String confirmed = user.text(openId, "确认").content();
        Matcher no = Pattern.compile("QY\\d{12}").matcher(confirmed == null ? "" : confirmed);
        assertThat(no.find()).as("a ticket number in: " + confirmed).isTrue();
        return no.group();
    }

    private static void staff(AppProcess app, String user, String action, String no, String json) throws Exception {
        String password = "qiying-demo";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base() + "/api/tickets/" + no + "/" + action))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }

}
