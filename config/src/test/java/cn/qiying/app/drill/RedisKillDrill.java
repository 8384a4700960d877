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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis killed with -9 under appeal load and started again from its append-only file: every ticket acknowledged to a
 * caller is there, none twice, and the running app serves again without a restart. Writes target/reports/drill-redis.md.
 */
@Tag("drill")
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=drill-admin", "logging.level.cn.qiying=WARN"})
class RedisKillDrill {

    static final DrillRedis REDIS = DrillRedis.start();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USCC = "91370100MA3C8R1K2G";
    static final int CLIENTS = 6;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @LocalServerPort int port;
    @Autowired UnifiedJedis redis;

    record Attempt(String externalId, int status, String no, long atMillis) {
    }

    @Test
    void acknowledgedAppealsSurviveRedisKilledWithMinus9() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Attempt> attempts = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        long start = System.currentTimeMillis();
        long killAt = start + 4_000, restartAfter = 3_000, end = start + 14_000;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                while (System.currentTimeMillis() < end) {
                    String externalId = "DRILL-" + sequence.incrementAndGet();
                    attempts.put(externalId, post(http, externalId));
                }
            });
        }
        Thread.sleep(killAt - System.currentTimeMillis());
        REDIS.kill9();
        long killedAt = System.currentTimeMillis();
        Thread.sleep(restartAfter);
        REDIS.restart();
        long restartedAt = System.currentTimeMillis();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Map<Integer, Long> statuses = new TreeMap<>();
        attempts.values().forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        List<Attempt> acknowledged = attempts.values().stream().filter(a -> a.status() == 201).toList();
        long firstAfter = attempts.values().stream().filter(a -> a.status() == 201 && a.atMillis() > restartedAt)
                .mapToLong(Attempt::atMillis).min().orElse(-1);

        Map<String, Integer> storedByExternalId = storedExternalIds();
        long lost = acknowledged.stream().filter(a -> !storedByExternalId.containsKey(a.externalId())).count();
        long duplicated = storedByExternalId.values().stream().filter(n -> n > 1).count();
        long storedUnacknowledged = storedByExternalId.keySet().stream()
                .filter(id -> attempts.containsKey(id) && attempts.get(id).status() != 201).count();
        Attempt after = post(http, "DRILL-AFTER");

        String report = String.format(Locale.ROOT, """
                # Drill: Redis killed with -9 under appeal load

                %d clients posted 12345 work orders (`POST /api/tickets/import`, each a new externalId) for %.0f s; Redis
                (appendonly yes, appendfsync always) was killed with SIGKILL %.1f s in and started again from its files
                %.1f s later, on the same port; the app was not restarted.

                | figure | value |
                |---|---|
                | attempts | %d |
                | answers by status | %s |
                | acknowledged (201 with a ticket number) | %d |
                | acknowledged and present after the restart | %d |
                | **lost** (acknowledged, not in Redis) | **%d** |
                | **duplicated** (an externalId stored twice) | **%d** |
                | stored though not acknowledged (the answer was lost with the connection) | %d |
                | first acknowledgement after Redis came back | %s |
                | a new work order after the drill | %d |

                Command: `make drills`, or `mvn -B -o -q -pl config -am test -Pdrill -Dtest=RedisKillDrill -Dsurefire.failIfNoSpecifiedTests=false`.
                """, CLIENTS, (end - start) / 1000.0, (killedAt - start) / 1000.0, (restartedAt - killedAt) / 1000.0,
                attempts.size(), statuses, acknowledged.size(), acknowledged.size() - lost, lost, duplicated, storedUnacknowledged,
                firstAfter < 0 ? "none" : String.format(Locale.ROOT, "%.2f s after the restart", (firstAfter - restartedAt) / 1000.0),
                after.status());
        Path out = Path.of("target", "reports", "drill-redis.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(lost).as(report).isZero();
        assertThat(duplicated).as(report).isZero();
        assertThat(statuses.keySet()).as("only acknowledgements and clean 503s: " + report).allMatch(s -> s == 201 || s == 503);
        assertThat(after.status()).as("the app serves again without a restart").isEqualTo(201);
    }

    private Attempt post(HttpClient http, String externalId) {
        String order = """
                {"externalId": "%s", "receivedAt": "2026-10-12T10:00:00+08:00", "kind": "help", "complexity": "general",
                 "district": "历下区", "category": "融资",
                 "enterprise": {"name": "济南泉城精工有限公司", "uscc": "%s", "contact": "张三", "phone": "13800000000"},
                 "description": "企业流动资金紧张，申请应急转贷资金，请协调合作银行办理续贷"}
                """.formatted(externalId, USCC);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets/import"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:drill-admin".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String no = r.statusCode() == 201 ? JSON.readTree(r.body()).get("no").asString() : null;
            return new Attempt(externalId, r.statusCode(), no, System.currentTimeMillis());
        } catch (Exception e) {
            return new Attempt(externalId, -1, null, System.currentTimeMillis());
        }
    }

    private Map<String, Integer> storedExternalIds() {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match("qiying:ticket:QY*").count(500));
            for (String key : page.getResult()) {
                String doc = redis.hget(key, "doc");
                JsonNode ticket = doc == null ? null : JSON.readTree(doc);
                JsonNode id = ticket == null ? null : ticket.path("source").get("externalId");
                if (id != null && !id.isNull()) {
                    counts.merge(id.asString(), 1, Integer::sum);
                }
            }
            cursor = page.getCursor();
        } while (!"0".equals(cursor));
        return counts;
    }
}
