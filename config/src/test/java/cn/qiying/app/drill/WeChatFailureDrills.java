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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.FakeWeChatServer.Answer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's API failing for a minute while pushes are produced, and a retry storm of callbacks. Writes
 * target/reports/drill-wechat.md.
 */
@Tag("drill")
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=drill-admin", "qiying.demo.enabled=true", "logging.level.cn.qiying=WARN",
        "qiying.wechat.mp.app-id=" + WeChatFailureDrills.APP_ID, "qiying.wechat.mp.secret=drill-secret",
        "qiying.wechat.mp.token=" + WeChatFailureDrills.TOKEN, "qiying.wechat.mp.aes-key=" + WeChatFailureDrills.AES_KEY,
        "qiying.wechat.api-timeout=1s", "qiying.tickets.retry-delay=2s", "qiying.tickets.max-retry-delay=10s",
        "qiying.tickets.claim-idle=15s", "qiying.tickets.max-attempts=12"})
class WeChatFailureDrills {

    static final String APP_ID = "wxdrill0000000002";
    static final String TOKEN = "drilltoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SEND = "/cgi-bin/message/custom/send";
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drill.outage-seconds", 60));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final FakeWeChatServer wechat = FakeWeChatServer.start();
    static final StringBuilder REPORT = new StringBuilder("# Drills: WeChat failing, and a retry storm\n\n");

    @LocalServerPort int port;
    @Autowired Conversations conversations;

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
    }

    @AfterAll
    static void writeReport() throws Exception {
        wechat.close();
        REPORT.append("Command: `make drills`, or `mvn -B -o -q -pl config -am test -Pdrill -Dtest=WeChatFailureDrills "
                + "-Dsurefire.failIfNoSpecifiedTests=false`.\n");
        Path out = Path.of("target", "reports", "drill-wechat.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, REPORT, StandardCharsets.UTF_8);
        System.out.println(REPORT);
    }

    @Test
    void pushesOutliveAMinuteOfWeChatFailingAndNoneIsSentTwice() throws Exception {
        List<String> users = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String openId = "o-outage-" + i + "-" + System.nanoTime();
            users.add(openId);
            tickets.add(fileAppeal(openId));
        }
        AtomicReference<Instant> recoverAt = new AtomicReference<>(Instant.now().plus(OUTAGE));
        AtomicInteger calls = new AtomicInteger();
        Map<String, Integer> failuresByKind = new TreeMap<>();
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        wechat.expireTokens(); // the cached access token answers 42001 from now on: the app must fetch a new one
        wechat.answer(SEND, request -> {
            if (Instant.now().isBefore(recoverAt.get())) {
                String kind = switch (calls.incrementAndGet() % 4) {
                    case 0 -> "HTTP 500";
                    case 1 -> "errcode -1 (system busy)";
                    case 2 -> "errcode 40001 (invalid token)";
                    default -> "time-out";
                };
                synchronized (failuresByKind) {
                    failuresByKind.merge(kind, 1, Integer::sum);
                }
                return switch (kind) {
                    case "HTTP 500" -> new Answer(500, "text/plain", "error".getBytes(StandardCharsets.UTF_8));
                    case "errcode -1 (system busy)" -> Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}");
                    case "errcode 40001 (invalid token)" -> Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                    default -> {
                        sleep(2_500);
                        yield Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}"); // too late: the app gave up after 1 s
                    }
                };
            }
            JsonNode body = JSON.readTree(request.body());
            delivered.merge(body.path("touser").asString() + " " + body.path("text").path("content").asString(), 1, Integer::sum);
            return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        Instant outageStart = Instant.now();
        for (String no : tickets) {
            staff("centre", no, "triage", "{\"complexity\":\"general\",\"category\":\"融资\"}");
            staff("centre", no, "assign", "{\"department\":\"jrj\"}");
            staff("finance", no, "accept", null);
            staff("finance", no, "contact", "{\"note\":\"已电话联系\"}");
        }
        int produced = tickets.size() * 3;
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), recoverAt.get()).toMillis()));
        Instant recovered = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<JsonNode> deadLetters = List.of();
        while (System.nanoTime() < deadline) {
            deadLetters = deadLettersAbout(tickets);
            if (pushes(delivered, users, tickets) + deadLetters.size() >= produced) {
                break;
            }
            Thread.sleep(500);
        }
        Duration drained = Duration.between(recovered, Instant.now());
        Thread.sleep(5_000); // room for a duplicate to show
        long duplicates = delivered.values().stream().filter(n -> n > 1).count();
        int deliveredOnce = pushes(delivered, users, tickets);

        REPORT.append(String.format(Locale.ROOT, """
                ## WeChat's API failing for %d s

                %d appeals filed by conversation; then WeChat's customer-service API failed every call for %d s, in turn with
                HTTP 500, errcode -1, errcode 40001 and a time-out (2.5 s against the app's 1 s), and every access token
                issued before was expired (42001), while staff moved each ticket through assigned, accepted, contacted
                (%d status pushes). Retries: 2 s doubling to 10 s, at most 12 attempts.

                | figure | value |
                |---|---|
                | failed calls answered by the fake, by kind | %s |
                | pushes produced | %d |
                | delivered (exactly once each) after recovery | %d |
                | dead-lettered with a reason | %d %s |
                | **sent twice** | **%d** |
                | time from recovery until every push was delivered or dead-lettered | %.1f s |

                """, OUTAGE.toSeconds(), tickets.size(), OUTAGE.toSeconds(), produced, failuresByKind, produced, deliveredOnce,
                deadLetters.size(), deadLetters.isEmpty() ? "" : "(" + deadLetters.get(0).toString().replace("|", "/") + " …)",
                duplicates, drained.toMillis() / 1000.0));
        assertThat(duplicates).isZero();
        assertThat(deliveredOnce + deadLetters.size()).as(REPORT.toString()).isEqualTo(produced);
        assertThat(Duration.between(outageStart, recovered)).isGreaterThanOrEqualTo(OUTAGE.minusSeconds(1));
    }

    @Test
    void aRetryStormIsProcessedOncePerMessage() throws Exception {
        int users = 100, messagesEach = 10, deliveries = 3;
        WeChatCallbackClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Integer>> statuses = new ArrayList<>();
        List<String> openIds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int m = 0; m < messagesEach; m++) {
            for (int u = 0; u < users; u++) {
                String openId = "o-storm-" + u;
                if (m == 0) {
                    openIds.add(openId);
                }
                long now = Instant.now().getEpochSecond();
                String xml = client.textXml(openId, "第" + m + "个问题：营业执照怎么办理", WeChatCallbackClient.nextMsgId(), now);
                String nonce = Long.toString(System.nanoTime());
                CountDownLatch together = new CountDownLatch(deliveries);
                for (int d = 0; d < deliveries; d++) {
                    statuses.add(pool.submit(() -> {
                        together.countDown();
                        together.await(5, TimeUnit.SECONDS);
                        return client.send(xml, now, nonce).status();
                    }));
                }
            }
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<Integer> s : statuses) {
            byStatus.merge(s.get(120, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(2_000); // late customer-service replies land in the transcript too
        int tooMany = 0, missing = 0;
        for (String openId : openIds) {
            long asked = conversations.transcript("mp:" + APP_ID + ":" + openId, 500).stream()
                    .filter(e -> e.direction() == Conversations.Direction.USER).count();
            tooMany += asked > messagesEach ? 1 : 0;
            missing += asked < messagesEach ? 1 : 0;
        }
        REPORT.append(String.format(Locale.ROOT, """
                ## A retry storm

                %d users × %d messages, each message delivered %d times at once (as WeChat retries a callback it got no
                answer to): %d callbacks in %.1f s, answered %s. Users whose transcript holds a message more than once: **%d**;
                users missing a message: **%d**.

                """, users, messagesEach, deliveries, statuses.size(), seconds, byStatus, tooMany, missing));
        assertThat(byStatus.keySet()).containsOnly(200);
        assertThat(tooMany).as("each message processed once").isZero();
        assertThat(missing).isZero();
    }

    private WeChatCallbackClient client() {
        return new WeChatCallbackClient(URI.create("http://localhost:" + port + "/wechat/mp/callback"), TOKEN, AES_KEY, APP_ID,
                "gh_drill", Mode.PLAIN);
    }

    private String fileAppeal(String openId) {
        WeChatCallbackClient user = client();
        for (String line : List.of("我要求助：企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷", "济南明泉精密机械有限公司",
                "91370100MA3C8R1K2G", "张三", "13800000000", "历下区", "没有")) {
            assertThat(user.text(openId, line).status()).isEqualTo(200);
        }
        String confirmed = user.text(openId, "确认").content();
        Matcher no = Pattern.compile("QY\\d{12}").matcher(confirmed == null ? "" : confirmed);
        assertThat(no.find()).as("a ticket number in: " + confirmed).isTrue();
        return no.group();
    }

    private void staff(String user, String no, String action, String json) throws Exception {
        HttpResponse<String> r = http("POST", user, "/api/tickets/" + no + "/" + action, json == null ? "{}" : json);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private List<JsonNode> deadLettersAbout(List<String> tickets) throws Exception {
        List<JsonNode> about = new ArrayList<>();
        JSON.readTree(http("GET", "admin", "/api/pushes/failed", null).body()).forEach(d -> {
            if (tickets.stream().anyMatch(no -> d.toString().contains(no))) {
                about.add(d);
            }
        });
        return about;
    }

    private HttpResponse<String> http(String method, String user, String path, String json) throws Exception {
        String password = "admin".equals(user) ? "drill-admin" : "qiying-demo";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int pushes(Map<String, Integer> delivered, List<String> users, List<String> tickets) {
        int n = 0;
        for (Map.Entry<String, Integer> e : delivered.entrySet()) {
            for (int i = 0; i < users.size(); i++) {
                if (e.getKey().startsWith(users.get(i) + " ") && e.getKey().contains(tickets.get(i))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
