package cn.qiying.app.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

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
 * SIGTERM with asynchronous replies in flight: 40 mini-program users write at once while WeChat's customer-service API
 * answers slowly; the app is stopped (SIGTERM, as an orchestrator does) with a short grace; a new instance starts on the
 * same Redis. Every user must get exactly one reply. Writes target/reports/drill-shutdown.md.
 */
@Tag("drill")
@ExtendWith(RealRedis.class)
class ShutdownDrill {

    static final String APP_ID = "wxdrillma00000001";
    static final String TOKEN = "drilltoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SEND = "/cgi-bin/message/custom/send";
    static final int USERS = 40;

    @Test
    void everyReplyInFlightIsDeliveredOnceAcrossARestart() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Integer> replies = new ConcurrentHashMap<>();
        AtomicInteger beforeStop = new AtomicInteger();
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            wechat.answer(SEND, request -> {
                sleep(1_500); // a slow WeChat: sends pile up behind the dialog workers
                JsonNode body = json.readTree(request.body());
                replies.merge(body.path("touser").asString(), 1, Integer::sum);
                return FakeWeChatServer.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            });
            List<String> settings = List.of("--spring.data.redis.url=" + System.getProperty("spring.data.redis.url"),
                    "--qiying.admin.password=drill-admin", "--qiying.demo.enabled=true", "--qiying.wechat.api-base-url=" + wechat.baseUrl(),
                    "--qiying.wechat.ma.app-id=" + APP_ID, "--qiying.wechat.ma.secret=drill-secret", "--qiying.wechat.ma.token=" + TOKEN,
                    "--qiying.wechat.ma.aes-key=" + AES_KEY, "--qiying.wechat.ma.requests-per-minute=1000",
                    "--qiying.wechat.callback.workers=8", "--qiying.wechat.callback.shutdown-grace=1s");
            String run = "o-shutdown-" + System.nanoTime() + "-";
            List<String> users = IntStream.range(0, USERS).mapToObj(i -> run + i).toList();
            long stoppedIn;
            Duration restartedIn;
            try (AppProcess first = AppProcess.start("drill-shutdown-first", settings)) {
                first.awaitHealthy(Duration.ofSeconds(120));
                WeChatCallbackClient client = new WeChatCallbackClient(URI.create(first.base() + "/wechat/ma/callback"), TOKEN, AES_KEY,
                        APP_ID, "gh_drill", Mode.SAFE);
                users.parallelStream().forEach(u -> assertThat(client.text(u, "营业执照怎么办理").status()).isEqualTo(200));
                beforeStop.set(replies.values().stream().mapToInt(Integer::intValue).sum());
                long t = System.nanoTime();
                first.close(); // SIGTERM, then waits for the process to exit
                stoppedIn = (System.nanoTime() - t) / 1_000_000;
            }
            int sentByTheFirst = replies.values().stream().mapToInt(Integer::intValue).sum();
            try (AppProcess second = AppProcess.start("drill-shutdown-second", settings)) {
                restartedIn = second.awaitHealthy(Duration.ofSeconds(120));
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (replies.size() < USERS && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(3_000); // room for a duplicate to show
            }
            long once = users.stream().filter(u -> replies.getOrDefault(u, 0) == 1).count();
            long twice = users.stream().filter(u -> replies.getOrDefault(u, 0) > 1).count();
            long none = users.stream().filter(u -> !replies.containsKey(u)).count();
            String report = String.format(Locale.ROOT, """
                    # Drill: SIGTERM with asynchronous replies in flight

                    %d mini-program users wrote at once (every mini-program reply is a customer-service message); WeChat took
                    1.5 s per send; 8 dialog workers; `qiying.wechat.callback.shutdown-grace=1s`. SIGTERM came when %d replies
                    had been sent; the first instance exited %d ms later, having sent %d. A second instance on the same Redis
                    became healthy in %.1f s and sent the replies handed back.

                    | users | one reply | two or more | none |
                    |---|---|---|---|
                    | %d | %d | %d | %d |

                    Command: `make drills`, or `mvn -B -o -q -pl config -am test -Pdrill -Dtest=ShutdownDrill -Dsurefire.failIfNoSpecifiedTests=false`.
                    """, USERS, beforeStop.get(), stoppedIn, sentByTheFirst, restartedIn.toMillis() / 1000.0, USERS, once, twice, none);
            Path out = Path.of("target", "reports", "drill-shutdown.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(sentByTheFirst).as("the grace was too short to finish everything: " + report).isLessThan(USERS);
            assertThat(once).as(report).isEqualTo(USERS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
