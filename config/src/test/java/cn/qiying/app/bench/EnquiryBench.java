package cn.qiying.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.qiying.app.process.AppProcess;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.ProjectRoot;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Official-account enquiries at the speed limit ({@code make bench}): the app runs in a JVM of its own (demo data,
 * safe-mode callbacks as a real account sends them) and this JVM is the load generator, holding its connections and
 * timing each call from outside the app. Rows: the signed GET echo (signature check only, the cheapest endpoint),
 * questions that repeat (the evaluation set cycled), and questions that are all new (each made unique, so each is
 * embedded afresh), at 16 and 64 users. After the all-new rows, the app's own stage timers say where the time went.
 * Writes config/target/reports/bench-enquiries.md.
 */
@Tag("bench")
@ExtendWith(RealRedis.class)
class EnquiryBench {

    static final String APP_ID = "wxbench0000000002";
    static final String TOKEN = "benchtoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    /** Stage timers the app publishes, in the order an enquiry meets them. */
    static final Map<String, String> STAGES = stages();

    record Row(String what, int users, long calls, double seconds, double p50, double p99, long failures) {
        double perSecond() {
            return calls / seconds;
        }
    }

    interface Call {
        boolean run(WeChatCallbackClient client, String openId, long n);
    }

    @Test
    void figures() throws Exception {
        List<String> questions = inScopeQuestions();
        StringBuilder md = new StringBuilder("# Enquiries at the speed limit\n\n").append(String.format(Locale.ROOT,
                "Machine: %d cores; %s at the start. The app in its own JVM (demo data, embedding settings as configured), "
                        + "Redis (appendfsync always) and this load generator (closed loop: each user sends its next message "
                        + "when the reply arrives; safe-mode callbacks signed and encrypted as WeChat does; every call a "
                        + "fresh openId of a pool, so no per-user limit or lock is measured) share the machine. Each row: %d s "
                        + "warm-up, then %d s measured; a call fails unless it gets 200 and a non-empty text reply.%n%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), WARM_UP.toSeconds(), RUN.toSeconds()));
        try (FakeWeChatServer wechat = FakeWeChatServer.start();
                AppProcess app = AppProcess.start("enquiry-bench", List.of(
                        "--spring.data.redis.url=" + RealRedis.url(),
                        "--qiying.admin.password=bench-admin", "--qiying.demo.enabled=true",
                        "--qiying.public-base-url=https://qiying.example.cn",
                        "--qiying.wechat.api-base-url=" + wechat.baseUrl(), "--qiying.wechat.mp-base-url=" + wechat.baseUrl(),
                        "--qiying.wechat.mp.app-id=" + APP_ID, "--qiying.wechat.mp.secret=bench-secret",
                        "--qiying.wechat.mp.token=" + TOKEN, "--qiying.wechat.mp.aes-key=" + AES_KEY,
                        "--logging.level.cn.qiying=WARN"))) {
            app.awaitHealthy(Duration.ofSeconds(120));
            awaitDemoKnowledge(Duration.ofSeconds(180));
            WeChatCallbackClient client = new WeChatCallbackClient(URI.create(app.base() + "/wechat/mp/callback"), TOKEN,
                    AES_KEY, APP_ID, "gh_bench", Mode.SAFE);
            md.append("| load | users | calls/s | p50 ms | p99 ms | failures | calls/s ÷ echo |\n|---|---|---|---|---|---|---|\n");
            AtomicLong unique = new AtomicLong();
            String stagesAtSixteen = "";
            for (int users : new int[] {16, 64}) {
                Row echo = load("signed GET echo", users, client, (c, user, n) -> c.verify("echo" + n).status() == 200);
                Row repeated = load("enquiry, questions that repeat", users, client,
                        (c, user, n) -> answered(c.text(user, questions.get((int) (n % questions.size())))));
                Row fresh = load("enquiry, every question new", users, client, (c, user, n) -> answered(
                        c.text(user, questions.get((int) (n % questions.size())) + "（咨询编号" + unique.incrementAndGet() + "）")));
                if (users == 16) {
                    stagesAtSixteen = stages(app);
                }
                md.append(row(echo, "1")).append(row(repeated, ratio(repeated, echo))).append(row(fresh, ratio(fresh, echo)));
            }
            md.append("\nTargets (16 users): all-new ≥ 300/s with p99 ≤ 150 ms; repeated ≥ 600/s with p99 ≤ 60 ms; no failure.\n\n")
                    .append("## Where an all-new enquiry's time goes (16 users)\n\n")
                    .append("The app's own timers over the all-new row at 16 users (Micrometer percentiles over its last ")
                    .append("two minutes, read from /actuator/prometheus right after the row). Stages nest: the callback ")
                    .append("holds the dialog, the dialog holds the knowledge search, the search holds the embedding's ")
                    .append("queue and run and its Redis queries.\n\n")
                    .append("| stage | p50 ms | p99 ms |\n|---|---|---|\n").append(stagesAtSixteen);
        }
        md.append("\nCommand: `mvn -B -o -q -pl config -am test -Pbench -Dtest=EnquiryBench -Dsurefire.failIfNoSpecifiedTests=false` ")
                .append("(`-Dbench.seconds=15 -Dbench.warmup=5`).\n");
        Path out = Path.of("target", "reports", "bench-enquiries.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static boolean answered(WeChatCallbackClient.Reply reply) {
        return reply.status() == 200 && reply.content() != null && !reply.content().isBlank();
    }

    private static Row load(String what, int users, WeChatCallbackClient client, Call call) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        long measureFrom = System.nanoTime() + WARM_UP.toNanos();
        long end = measureFrom + RUN.toNanos();
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            long offset = u * 37L;
            Thread worker = new Thread(() -> {
                long n = offset;
                try {
                    while (System.nanoTime() < end) {
                        long i = calls.incrementAndGet();
                        String openId = "o-bench-" + (i % 20_000);
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(client, openId, n++);
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            latencies.add(t1 - t0);
                            if (!ok) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Row(what, users, sorted.length, RUN.toNanos() / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99),
                failures.get());
    }

    /** The stage timers' p50 and p99 as the app exports them (seconds in Prometheus' text format). */
    private static String stages(AppProcess app) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth = java.util.Base64.getEncoder().encodeToString("admin:bench-admin".getBytes(StandardCharsets.UTF_8));
        String text = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, String> stage : STAGES.entrySet()) {
            double p50 = quantile(text, stage.getKey(), "0.5");
            double p99 = quantile(text, stage.getKey(), "0.99");
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", stage.getValue(), ms(p50), ms(p99)));
        }
        return rows.toString();
    }

    private static double quantile(String prometheus, String meter, String q) {
        String name = meter.replace('.', '_') + "_seconds";
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*quantile=\"" + Pattern.quote(q) + "\"[^}]*}\\s+(\\S+)",
                Pattern.MULTILINE).matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String ms(double seconds) {
        return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.1f", seconds * 1000);
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("qiying.wechat.callback", "callback (signature, decryption, the dialog, the reply encrypted)");
        stages.put("qiying.bot.reply", "dialog (state, transcript writes, intent, the search)");
        stages.put("qiying.knowledge.search", "knowledge search (embedding, Redis, scoring)");
        stages.put("qiying.embedding.queue", "embedding: waiting for a model run");
        stages.put("qiying.embedding.run", "embedding: the model run (its batch)");
        stages.put("qiying.knowledge.redis", "knowledge search: Redis queries (vector and full text)");
        return stages;
    }

    private void awaitDemoKnowledge(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        try (Jedis redis = new Jedis(URI.create(RealRedis.url()))) {
            while (redis.get("qiying:knowledge:demo:sha256") == null) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the demo knowledge was not loaded within " + limit);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String row(Row r, String ratio) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %s |%n", r.what(), r.users(), r.perSecond(),
                r.p50(), r.p99(), r.failures(), ratio);
    }

    private static String ratio(Row a, Row b) {
        return String.format(Locale.ROOT, "%.2f", a.perSecond() / b.perSecond());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static List<String> inScopeQuestions() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ProjectRoot.find().resolve("knowledge/src/test/resources/eval/queries.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if (!n.path("expect").isNull() && !n.path("expect").isMissingNode()) {
                out.add(n.get("query").asString());
            }
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "load average unknown";
        }
    }
}
