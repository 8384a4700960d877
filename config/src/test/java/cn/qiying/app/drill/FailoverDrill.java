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
import java.util.ArrayList;
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

import cn.qiying.app.process.AppProcess;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.SentinelRedis;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Sentinel failover under load: a primary, its replica and three Sentinels; two app instances (JVMs of their own)
 * finding the primary through the Sentinels; clients filing 12345 work orders and moving the tickets on (triage, then
 * assign) through both instances; the primary killed with -9; the killed server started again later (it rejoins as a
 * replica). Every acknowledged ticket and step must be there afterwards, no work order twice, and both instances must
 * serve again without a restart. Run with {@code qiying.redis.wait-replicas=1} (asserted) and without (the figure).
 * Writes target/reports/drill-failover.md.
 */
@Tag("drill")
class FailoverDrill {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USCC = "91370100MA3C8R1K2G";
    static final int CLIENTS = 6;
    static final Duration DOWN_AFTER = Duration.ofSeconds(1);
    /** The promise the README states: serving again within this long of the primary's death (down-after 1 s). */
    static final Duration SERVING_AGAIN_WITHIN = Duration.ofSeconds(15);
    static final List<String> STEPS = List.of("import", "triage", "assign");
    /** How long the load goes on after the kill. */
    static final Duration AFTER_KILL = Duration.ofSeconds(20);

    record Answer(int status, String body) {
    }

    /** What one run saw. */
    record Run(int waitReplicas, long attempts, Map<Integer, Long> statuses, long acknowledgedBeforeKill, long acknowledgedTickets,
               long acknowledgedSteps, long lostTickets, long lostSteps, long duplicated, long storedUnacknowledged,
               double failoverSeconds, List<Double> servingAgainSeconds, String shortfallsBeforeKill, String shortfalls,
               List<Integer> afterwards) {

        double worstServingAgain() {
            return servingAgainSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.MAX_VALUE);
        }
    }

    @Test
    void acknowledgedTicketsSurviveTheFailoverOfAKilledPrimary() throws Exception {
        Run waiting = run(1);
        Run notWaiting = run(0);
        String report = report(waiting, notWaiting);
        Path out = Path.of("target", "reports", "drill-failover.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(waiting.acknowledgedBeforeKill()).as("acknowledged before the kill: " + report).isPositive();
        assertThat(waiting.lostTickets()).as(report).isZero();
        assertThat(waiting.lostSteps()).as(report).isZero();
        assertThat(waiting.duplicated()).as(report).isZero();
        assertThat(notWaiting.duplicated()).as(report).isZero();
        for (Run run : List.of(waiting, notWaiting)) {
            assertThat(run.statuses().keySet()).as("only acknowledgements, a repeated step refused, and clean 503s: " + report)
                    .allMatch(s -> s == 200 || s == 201 || s == 409 || s == 503);
            assertThat(run.servingAgainSeconds()).as("both instances serve again: " + report).hasSize(2);
            assertThat(run.worstServingAgain()).as(report).isLessThanOrEqualTo(SERVING_AGAIN_WITHIN.toMillis() / 1000.0);
            assertThat(run.afterwards()).as("a card issued and tickets searched on each instance after the failover: " + report)
                    .containsExactly(201, 200, 201, 200);
        }
    }

    private Run run(int waitReplicas) throws Exception {
        try (SentinelRedis redis = SentinelRedis.start(DOWN_AFTER); FakeWeChatServer wechat = FakeWeChatServer.start()) {
            List<String> settings = List.of("--spring.data.redis.sentinel.master=" + SentinelRedis.MASTER,
                    "--spring.data.redis.sentinel.nodes=" + redis.sentinelNodes(), "--spring.data.redis.timeout=3s",
                    "--qiying.redis.wait-replicas=" + waitReplicas, "--qiying.redis.wait-timeout=PT1S",
                    "--qiying.admin.password=drill-admin", "--qiying.demo.enabled=true", "--qiying.wechat.api-base-url=" + wechat.baseUrl(),
                    "--logging.level.cn.qiying=WARN");
            List<AppProcess> apps = new ArrayList<>();
            try {
                apps.add(AppProcess.start("drill-failover-a-" + waitReplicas, settings));
                apps.add(AppProcess.start("drill-failover-b-" + waitReplicas, settings));
                for (AppProcess app : apps) {
                    app.awaitHealthy(Duration.ofSeconds(180));
                }
                return underLoad(redis, apps, waitReplicas);
            } finally {
                for (AppProcess app : apps) {
                    app.close();
                }
            }
        }
    }

    private Run underLoad(SentinelRedis redis, List<AppProcess> apps, int waitReplicas) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<String, String> ticketOf = new ConcurrentHashMap<>(); // externalId → number, once acknowledged
        Map<String, Integer> stepOf = new ConcurrentHashMap<>(); // number → last acknowledged step (index in STEPS)
        Map<String, Boolean> attemptedIds = new ConcurrentHashMap<>();
        Map<Integer, Long> firstAfterKill = new ConcurrentHashMap<>(); // instance → first acknowledgement after the kill
        AtomicLong sequence = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        for (AppProcess app : apps) { // the first requests of a fresh JVM are slow: not part of the figures
            Answer warm = importOrder(http, app, "FAILOVER-WARMUP-" + waitReplicas + "-" + app.base().hashCode());
            if (warm.status() == 201) {
                act(http, app, JSON.readTree(warm.body()).get("no").asString(), "triage", "{\"complexity\":\"general\",\"category\":\"融资\"}");
            }
        }
        long start = System.currentTimeMillis();
        long end = start + 60_000; // at the latest; the kill and the end are set below
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.execute(() -> {
                while (System.currentTimeMillis() < stopAt(killedAt.get(), end)) {
                    String externalId = "FAILOVER-" + waitReplicas + "-" + sequence.incrementAndGet();
                    attemptedIds.put(externalId, true);
                    for (int step = 0; step < STEPS.size() && System.currentTimeMillis() < stopAt(killedAt.get(), end); ) {
                        int instance = (client + step + (int) sequence.get()) % apps.size(); // alternate the instances
                        String no = ticketOf.get(externalId);
                        long sentAt = System.currentTimeMillis();
                        Answer answer = step == 0 ? importOrder(http, apps.get(instance), externalId)
                                : act(http, apps.get(instance), no, STEPS.get(step), step == 1
                                        ? "{\"complexity\":\"general\",\"category\":\"融资\"}" : "{\"department\":\"jrj\"}");
                        attempts.incrementAndGet();
                        statuses.merge(answer.status(), 1L, Long::sum);
                        boolean acknowledged = answer.status() == 200 || answer.status() == 201;
                        if (acknowledged && sentAt > killedAt.get()) { // sent after the kill, so served by the new primary
                            firstAfterKill.putIfAbsent(instance, System.currentTimeMillis());
                        }
                        if (acknowledged) {
                            if (step == 0) {
                                ticketOf.put(externalId, JSON.readTree(answer.body()).get("no").asString());
                            } else {
                                stepOf.put(no, step);
                            }
                            step++;
                        } else if (answer.status() == 409) {
                            step++; // a retried step that had gone through: the stored status tells
                        } else {
                            pause(200); // 503 (or no answer): nothing acknowledged, try the same again, as an integrator would
                        }
                    }
                }
            });
        }
        // the kill once 5 s have passed and at least 10 work orders are acknowledged (at the latest 20 s in)
        while (System.currentTimeMillis() - start < 20_000 && (System.currentTimeMillis() - start < 5_000 || ticketOf.size() < 10)) {
            pause(50);
        }
        long acknowledgedBeforeKill = ticketOf.size();
        String shortfallsBeforeKill = waitReplicas == 0 ? "—" : String.valueOf(apps.stream().mapToDouble(app -> shortfalls(http, app)).sum());
        killedAt.set(System.currentTimeMillis());
        HostAndPort old = redis.kill9Primary();
        HostAndPort promoted = redis.awaitFailover(old, Duration.ofSeconds(60));
        double failoverSeconds = (System.currentTimeMillis() - killedAt.get()) / 1000.0;
        pause(5_000);
        redis.restart(old.getPort()); // back from its files, the Sentinels make it a replica of the new primary
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        // redis-om-spring (service cards are its documents) and the ticket search followed the failover too
        List<Integer> afterwards = new ArrayList<>();
        for (AppProcess app : apps) {
            afterwards.add(send(http, app, "admin:drill-admin", "/api/cards", "{\"title\":\"故障切换后的服务卡\"}").status());
            afterwards.add(get(http, app, "/api/tickets?q=" + java.net.URLEncoder.encode("续贷", StandardCharsets.UTF_8)).status());
        }
        Map<String, List<String>> stored = storedTickets(promoted);
        Map<String, Integer> storedSteps = new HashMap<>();
        stored.forEach((externalId, found) -> storedSteps.put(found.get(0), stepFromStatus(found.get(1))));
        long lostTickets = ticketOf.values().stream().filter(no -> !storedSteps.containsKey(no)).count();
        long lostSteps = stepOf.entrySet().stream()
                .filter(e -> storedSteps.containsKey(e.getKey()) && storedSteps.get(e.getKey()) < e.getValue()).count();
        long duplicated = stored.values().stream().filter(found -> found.size() > 2).count();
        long storedUnacknowledged = stored.keySet().stream()
                .filter(id -> attemptedIds.containsKey(id) && !ticketOf.containsKey(id)).count();
        List<Double> servingAgain = firstAfterKill.values().stream().map(t -> (t - killedAt.get()) / 1000.0).sorted().toList();
        String shortfalls = waitReplicas == 0 ? "—" : String.valueOf(apps.stream().mapToDouble(app -> shortfalls(http, app)).sum());
        long acknowledgedSteps = ticketOf.size() + stepOf.values().stream().mapToLong(Integer::longValue).sum();
        return new Run(waitReplicas, attempts.get(), new TreeMap<>(statuses), acknowledgedBeforeKill, ticketOf.size(), acknowledgedSteps,
                lostTickets, lostSteps, duplicated, storedUnacknowledged, failoverSeconds, servingAgain, shortfallsBeforeKill, shortfalls,
                afterwards);
    }

    /** The load stops {@link #AFTER_KILL} after the kill (not before it), and at {@code end} at the latest. */
    private static long stopAt(long killedAt, long end) {
        return killedAt == Long.MAX_VALUE ? end : Math.min(end, killedAt + AFTER_KILL.toMillis());
    }

    /** externalId → [number, status, …]: a second ticket for the same work order adds two more entries. */
    private static Map<String, List<String>> storedTickets(HostAndPort primary) {
        Map<String, List<String>> stored = new HashMap<>();
        try (Jedis jedis = new Jedis(primary.getHost(), primary.getPort())) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match("qiying:ticket:QY*").count(500));
                for (String key : page.getResult()) {
                    List<String> fields = jedis.hmget(key, "doc", "status");
                    JsonNode id = fields.get(0) == null ? null : JSON.readTree(fields.get(0)).path("source").get("externalId");
                    if (id != null && !id.isNull()) {
                        List<String> found = stored.computeIfAbsent(id.asString(), k -> new ArrayList<>());
                        found.add(key.substring("qiying:ticket:".length()));
                        found.add(fields.get(1));
                    }
                }
                cursor = page.getCursor();
            } while (!"0".equals(cursor));
        }
        return stored;
    }

    private static int stepFromStatus(String status) {
        return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
            case "TRIAGED" -> 1;
            case "ASSIGNED" -> 2;
            default -> 0;
        };
    }

    private static Answer importOrder(HttpClient http, AppProcess app, String externalId) {
        String order = """
                {"externalId": "%s", "receivedAt": "2026-10-12T10:00:00+08:00", "kind": "help", "complexity": "general",
                 "district": "历下区", "category": "融资",
                 "enterprise": {"name": "济南泉城精工有限公司", "uscc": "%s", "contact": "张三", "phone": "13800000000"},
                 "description": "企业流动资金紧张，申请应急转贷资金，请协调合作银行办理续贷"}
                """.formatted(externalId, USCC);
        return send(http, app, "admin:drill-admin", "/api/tickets/import", order);
    }

    private static Answer act(HttpClient http, AppProcess app, String no, String action, String body) {
        return send(http, app, "centre:qiying-demo", "/api/tickets/" + no + "/" + action, body);
    }

    private static Answer send(HttpClient http, AppProcess app, String credentials, String path, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                return new Answer(-503, r.body()); // a 503 without Retry-After counts as a fault
            }
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Answer(-1, e.toString());
        }
    }

    private static Answer get(HttpClient http, AppProcess app, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:drill-admin".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Answer(-1, e.toString());
        }
    }

    /** qiying_redis_waitaof_shortfall_total of one instance: writes no replica confirmed in time. */
    private static double shortfalls(HttpClient http, AppProcess app) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:drill-admin".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> l.startsWith("qiying_redis_waitaof_shortfall_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static String report(Run waiting, Run notWaiting) {
        StringBuilder rows = new StringBuilder();
        addRow(rows, "attempts (requests sent)", waiting.attempts(), notWaiting.attempts());
        addRow(rows, "answers by status", waiting.statuses(), notWaiting.statuses());
        addRow(rows, "acknowledged work orders (201 with a ticket number): before the kill, in all", waiting.acknowledgedBeforeKill() + ", "
                + waiting.acknowledgedTickets(), notWaiting.acknowledgedBeforeKill() + ", " + notWaiting.acknowledgedTickets());
        addRow(rows, "acknowledged steps (work orders, triages, assignments)", waiting.acknowledgedSteps(), notWaiting.acknowledgedSteps());
        addRow(rows, "**lost tickets** (acknowledged, not in Redis after the failover)", bold(waiting.lostTickets()), bold(notWaiting.lostTickets()));
        addRow(rows, "**lost steps** (acknowledged triage or assignment not in the stored status)", bold(waiting.lostSteps()), bold(notWaiting.lostSteps()));
        addRow(rows, "**duplicated** (a work order stored twice)", bold(waiting.duplicated()), bold(notWaiting.duplicated()));
        addRow(rows, "stored though not acknowledged (the answer was lost with the connection)", waiting.storedUnacknowledged(), notWaiting.storedUnacknowledged());
        addRow(rows, "kill → a Sentinel names the promoted replica", seconds(waiting.failoverSeconds()), seconds(notWaiting.failoverSeconds()));
        addRow(rows, "kill → first acknowledgement on each instance", seconds(waiting.servingAgainSeconds()), seconds(notWaiting.servingAgainSeconds()));
        addRow(rows, "after the failover, on each instance: a service card issued (redis-om-spring), a ticket search", waiting.afterwards(),
                notWaiting.afterwards());
        addRow(rows, "writes no replica confirmed in time (`qiying_redis_waitaof_shortfall_total`, both instances): before the kill, in all",
                waiting.shortfallsBeforeKill() + ", " + waiting.shortfalls(), "—");
        return String.format(Locale.ROOT, """
                # Drill: Sentinel failover, the primary killed with -9 under load

                A primary and its replica (appendonly yes, appendfsync always) and three Sentinels (quorum 2,
                down-after-milliseconds %d), all from scripts/redis-stack.sh; two app instances in JVMs of their own
                (`spring.data.redis.sentinel.master`, `.nodes`); %d clients filing 12345 work orders and moving each ticket on
                (triage, then assign) through alternating instances, retrying after a 503 as an integrator would. The primary
                was killed with SIGKILL once 5 s had passed and 10 work orders were acknowledged, and the load went on for 20 s;
                5 s after the failover the killed server was started again from its files and rejoined as a replica. Stated
                bound: both instances serve again within %d s of the kill.

                | figure | `qiying.redis.wait-replicas=1` | `qiying.redis.wait-replicas=0` |
                |---|---|---|
                %s
                With `wait-replicas=1` a write is acknowledged only once the replica's append-only file has it (WAITAOF on the
                connection that wrote), so the promoted replica has every acknowledged ticket; without it an acknowledgement means
                the primary's disk only, and the last writes before the kill can be lost with the primary. While the new primary
                had no replica (until the killed server rejoined) each write waited `qiying.redis.wait-timeout` and was counted as
                a shortfall, not refused.

                Command: `make drills`, or `mvn -B -o -q -pl config -am test -Pdrill -Dtest=FailoverDrill -Dsurefire.failIfNoSpecifiedTests=false`.
                """, DOWN_AFTER.toMillis(), CLIENTS, SERVING_AGAIN_WITHIN.toSeconds(), rows);
    }

    private static void addRow(StringBuilder rows, String figure, Object withWait, Object withoutWait) {
        rows.append("| ").append(figure).append(" | ").append(withWait).append(" | ").append(withoutWait).append(" |\n");
    }

    private static String bold(long n) {
        return "**" + n + "**";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String seconds(List<Double> values) {
        return values.isEmpty() ? "none" : String.join(", ", values.stream().map(FailoverDrill::seconds).toList());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
