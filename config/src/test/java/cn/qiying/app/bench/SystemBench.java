package cn.qiying.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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

import cn.qiying.app.process.AppProcess;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.EntryEmbedding;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.ProjectRoot;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system under load, figures side by side from one run ({@code make bench}): official-account enquiries over
 * signed callbacks at 16 and 64 concurrent users beside the cheapest endpoint under the same load; appeal conversations
 * per second to a durable ticket; Redis memory per appeal and per knowledge entry; heap with 40,000 entries; start-up
 * time of a separate JVM to healthy. Writes config/target/reports/bench-system.md.
 */
@Tag("bench")
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=bench-admin", "qiying.demo.enabled=true",
        "qiying.wechat.mp.app-id=" + SystemBench.APP_ID, "qiying.wechat.mp.secret=bench-secret",
        "qiying.wechat.mp.token=" + SystemBench.TOKEN, "qiying.wechat.mp.aes-key=" + SystemBench.AES_KEY,
        "logging.level.cn.qiying=WARN"})
class SystemBench {

    static final String APP_ID = "wxbench0000000001";
    static final String TOKEN = "benchtoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String USCC = "91370100MA3C8R1K2G";
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    static final int ENTRIES = Integer.getInteger("bench.entries", 40_000);
    static final Pattern TICKET_NO = Pattern.compile("QY\\d{12}");

    static final FakeWeChatServer wechat = FakeWeChatServer.start();

    @LocalServerPort int port;
    @Autowired UnifiedJedis redis;
    @Autowired KnowledgeEntryRepository entries;
    @Autowired KnowledgeSearch knowledge;

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
        registry.add("qiying.wechat.mp-base-url", wechat::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        wechat.close();
    }

    /** One row of a load test: what completed in the measured window and how long each call took. */
    record Row(String what, int users, long calls, double seconds, double p50, double p99, long failures) {
        double perSecond() {
            return calls / seconds;
        }
    }

    @Test
    void figures() throws Exception {
        StringBuilder md = new StringBuilder("# System benchmark\n\n")
                .append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB. %s at the start. ",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        Runtime.getRuntime().maxMemory() >> 20, load()))
                .append("The app, Redis (appendfsync always) and the load generator share the machine. Each row: ")
                .append(WARM_UP.toSeconds()).append(" s warm-up, then ").append(RUN.toSeconds())
                .append(" s measured; p50/p99 of every call in the window.\n\n");

        List<String> questions = inScopeQuestions();
        md.append("## Official-account enquiries\n\n")
                .append(questions.size()).append(" in-scope questions of the knowledge evaluation set, each user cycling through them ")
                .append("from its own offset as its own openId; plain-mode callbacks signed as WeChat signs them, passive replies. ")
                .append("The cheapest endpoint is the signed GET echo of the callback URL (signature check only), under the same load.\n\n")
                .append("| load | users | calls/s | p50 ms | p99 ms | failures | enquiries ÷ cheapest (calls/s) |\n|---|---|---|---|---|---|---|\n");
        for (int users : new int[] {16, 64}) {
            Row cheap = load("signed GET echo", users, (client, i) -> client.verify("echo" + i).status() == 200);
            Row ask = load("enquiry (text callback)", users, (client, i) -> {
                WeChatCallbackClient.Reply r = client.text(openId(client), questions.get(i % questions.size()));
                return r.status() == 200 && r.content() != null && !r.content().isBlank();
            });
            md.append(row(ask, String.format(Locale.ROOT, "%.2f", ask.perSecond() / cheap.perSecond()))).append(row(cheap, ""));
        }
        // the app keeps the embeddings of the last 4,096 questions: a question never asked before costs a fresh embedding
        AtomicLong novel = new AtomicLong();
        Row fresh = load("enquiry, every question new (embedded afresh)", 16, (client, i) -> {
            String question = questions.get(i % questions.size()) + "（咨询编号" + novel.incrementAndGet() + "）";
            WeChatCallbackClient.Reply r = client.text(openId(client), question);
            return r.status() == 200 && r.content() != null && !r.content().isBlank();
        });
        md.append(row(fresh, ""));
        md.append("\nThe first rows cycle through the evaluation set, so after its first pass each question's embedding is cached, as a ")
                .append("city's repeated questions are; the last row makes every question new with a unique reference number, so each ")
                .append("call embeds afresh (5-10 ms of CPU).\n\nTargets: p99 ≤ 150 ms at 16 users; ≥ 300 enquiries/s.\n\n");

        long ticketsBefore = ticketCount();
        long memoryBefore = usedMemory();
        Row appeals = load("appeal conversation (9 messages to a ticket)", 16, (client, i) -> appeal(client, i));
        long filed = ticketCount() - ticketsBefore;
        long memoryAfter = usedMemory();
        md.append("## Appeal conversations to a durable ticket\n\n")
                .append("Each call is a whole conversation of a new user: the request with its description, enterprise, credit code, ")
                .append("contact, phone, district, no photos, the summary confirmed; a call counts when the reply carries a ticket number.\n\n")
                .append("| load | users | conversations/s | p50 ms | p99 ms | failures | messages/s |\n|---|---|---|---|---|---|---|\n")
                .append(row(appeals, String.format(Locale.ROOT, "%.0f", appeals.perSecond() * 9)))
                .append(String.format(Locale.ROOT, "%nTickets filed during the whole run (warm-up included): %d; Redis memory per filed appeal "
                        + "(ticket, its events, the transcript and dialog state): **%,d bytes**.%n%n", filed,
                        filed == 0 ? 0 : (memoryAfter - memoryBefore) / filed));

        md.append(memoryWithManyEntries());
        md.append(startUp());
        md.append("\nCommand: `make bench`, or `mvn -B -o -q -pl config -am test -Pbench -Dtest=SystemBench "
                + "-Dsurefire.failIfNoSpecifiedTests=false` (`-Dbench.seconds=15 -Dbench.entries=40000`).\n");
        Path out = Path.of("target", "reports", "bench-system.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    interface Call {
        boolean run(WeChatCallbackClient client, int iteration) throws Exception;
    }

    private Row load(String what, int users, Call call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP.toNanos();
        long end = measureFrom + RUN.toNanos();
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            int offset = u * 37;
            pool.execute(() -> {
                WeChatCallbackClient client = client();
                int i = offset;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(client, i++);
                        } catch (Exception e) {
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
        }
        done.await();
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Row(what, users, sorted.length, RUN.toNanos() / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99), failures.get());
    }

    private static final ThreadLocal<String> OPEN_ID = new ThreadLocal<>();
    private static final AtomicInteger USERS = new AtomicInteger();

    private WeChatCallbackClient client() {
        OPEN_ID.set("o-bench-" + USERS.incrementAndGet());
        return new WeChatCallbackClient(URI.create("http://localhost:" + port + "/wechat/mp/callback"), TOKEN, AES_KEY, APP_ID,
                "gh_bench", Mode.PLAIN);
    }

    private static String openId(WeChatCallbackClient client) {
        return OPEN_ID.get();
    }

    private boolean appeal(WeChatCallbackClient client, int i) {
        String user = openId(client) + "-appeal-" + i;
        String[] script = {"我要求助：企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷", "济南明泉精密机械有限公司", USCC, "张三",
                "13800000000", "历下区", "没有"};
        for (String line : script) {
            if (client.text(user, line).status() != 200) {
                return false;
            }
        }
        WeChatCallbackClient.Reply confirmed = client.text(user, "确认");
        return confirmed.status() == 200 && confirmed.content() != null && TICKET_NO.matcher(confirmed.content()).find();
    }

    private String memoryWithManyEntries() {
        long before = usedMemory();
        long existing = entries.count();
        long t0 = System.nanoTime();
        int added = expand(ENTRIES - (int) existing);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedMemory();
        // one search per category warms the entry snapshots the retrieval keeps in memory
        for (String q : List.of("营业执照怎么办理", "增值税发票怎么开", "社保怎么缴", "贷款贴息", "施工许可", "环评", "出口退税", "用电报装")) {
            knowledge.ask(q, null);
        }
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "## Memory%n%n| what | figure |%n|---|---|%n"
                        + "| knowledge entries in Redis | %,d (%,d demo + %,d synthetic copies with noisy vectors, written in %.1f s) |%n"
                        + "| Redis memory per knowledge entry (JSON document, 512-d vector, HNSW and Chinese full-text index) | **%,d bytes** |%n"
                        + "| JVM heap used after loading them and a search (after GC; the bge model, entry snapshots and the whole app) | **%,d MB** |%n%n",
                existing + added, existing, added, seconds, added == 0 ? 0 : (after - before) / added, heap >> 20);
    }

    /** Synthetic neighbours of the demo entries (no embedding: their vectors are the seeds' with noise), as the knowledge benchmark makes them. */
    private int expand(int count) {
        List<KnowledgeEntry> seeds = new ArrayList<>();
        entries.findAll().forEach(seeds::add);
        Random random = new Random(42);
        List<KnowledgeEntry> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KnowledgeEntry s = seeds.get(i % seeds.size());
            KnowledgeEntry e = new KnowledgeEntry();
            e.setId("syn-" + i);
            e.setQuestion(s.getQuestion() + "（" + (i / seeds.size() + 1) + "号园区）");
            e.setAnswer(s.getAnswer());
            e.setCategory(s.getCategory());
            e.setDepartment(s.getDepartment());
            e.setState(KnowledgeEntry.LIVE);
            float[] v = s.getVector().clone();
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (random.nextGaussian() * 0.03);
                norm += v[d] * v[d];
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            e.setVector(v);
            e.setPhrasingVectors(VectorCodec.encodeAll(List.of(v)));
            e.setRevision(EntryEmbedding.revision(e));
            batch.add(e);
            if (batch.size() == 500) {
                entries.saveAll(batch);
                batch.clear();
            }
        }
        entries.saveAll(batch);
        return Math.max(count, 0);
    }

    /** A separate JVM with this test's classpath, started three times against this Redis; demo mode off. */
    private String startUp() throws Exception {
        List<Double> toHealthy = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            try (AppProcess app = AppProcess.start("startup-" + run, List.of("--spring.data.redis.url=" + System.getProperty("spring.data.redis.url"),
                    "--qiying.admin.password=bench-admin", "--qiying.wechat.api-base-url=" + wechat.baseUrl()))) {
                toHealthy.add(app.awaitHealthy(Duration.ofSeconds(90)).toNanos() / 1e6);
                reported.add(Files.readAllLines(app.log()).stream().filter(l -> l.contains("Started QiyingApplication"))
                        .map(l -> l.replaceAll(".*Started QiyingApplication in ([0-9.]+) seconds.*", "$1 s")).findFirst().orElse("?"));
            }
        }
        double[] sorted = toHealthy.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "## Start-up%n%nA separate JVM (`java -cp … cn.qiying.app.QiyingApplication`, demo mode off, "
                        + "Redis already running and its indexes in place), three times: from process start to `/actuator/health` UP "
                        + "median **%.1f s** (runs: %s ms); Spring's own \"Started … in\": %s.%n",
                sorted[1] / 1000, Arrays.toString(toHealthy.stream().mapToLong(Double::longValue).toArray()), reported);
    }

    private long ticketCount() {
        return redis.keys("qiying:ticket:QY*").size();
    }

    private long usedMemory() {
        String info = redis.info("memory");
        return info.lines().filter(l -> l.startsWith("used_memory:")).map(l -> Long.parseLong(l.substring(12).trim()))
                .findFirst().orElse(0L);
    }

    private static String row(Row r, String last) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %s |%n", r.what(), r.users(), r.perSecond(), r.p50(),
                r.p99(), r.failures(), last);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static List<String> inScopeQuestions() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Function<String, JsonNode> parse = json::readTree;
        return Files.readAllLines(ProjectRoot.find().resolve("knowledge/src/test/resources/eval/queries.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(parse).filter(n -> !n.path("expect").isNull() && !n.path("expect").isMissingNode())
                .map(n -> n.get("query").asString()).toList();
    }

    private static String load() {
        try {
            return "Load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "Load average unknown";
        }
    }
}
