package cn.qiying.knowledge.embedding;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qiying.testing.ProjectRoot;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}: what a model run costs by batch size, and how 16 threads asking at once fare with each batch
 * size and wait, for the float and the quantized model. Every text is new (no cache). Writes
 * target/reports/bench-embedding.md; the defaults of {@link EmbeddingProperties} come from this table.
 */
@Tag("bench")
class EmbeddingBench {

    static final long SECONDS = Long.getLong("bench.seconds", 8);

    @Test
    void figures() throws Exception {
        List<String> queries = queries();
        StringBuilder md = new StringBuilder("# Embedding benchmark\n\n").append(String.format(Locale.ROOT,
                "Machine: %d cores; %s. Texts: the %d queries of the demo evaluation set with bge's query instruction, "
                        + "each made new by a running number. ONNX: one thread per run.%n%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), queries.size()));
        for (String model : List.of("float", "quantized")) {
            md.append("## ").append(model).append(" model\n\n### One run over a batch (one caller)\n\n")
                    .append("| batch | ms per run (median) | texts/s |\n|---|---|---|\n");
            try (ConfigurableApplicationContext c = context(model, 1, 1, "0ms")) {
                EmbeddingModel m = c.getBean(EmbeddingModel.class);
                AtomicInteger n = new AtomicInteger();
                for (int size : new int[] {1, 2, 4, 8, 16, 32}) {
                    List<Double> runs = new ArrayList<>();
                    long end = System.nanoTime() + SECONDS * 1_000_000_000L / 2;
                    while (System.nanoTime() < end) {
                        List<TextSegment> batch = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            batch.add(TextSegment.from(text(queries, n.incrementAndGet())));
                        }
                        long t0 = System.nanoTime();
                        m.embedAll(batch);
                        runs.add((System.nanoTime() - t0) / 1e6);
                    }
                    double median = percentile(runs, 0.5);
                    md.append(String.format(Locale.ROOT, "| %d | %.1f | %.0f |%n", size, median, size * 1000 / median));
                }
            }
            md.append("\n### 16 threads, each embedding one new text after another\n\n")
                    .append("| workers | batch size | wait | texts/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
            for (int workers : new int[] {1, 2}) {
                for (String[] config : new String[][] {{"1", "0ms"}, {"8", "0ms"}, {"16", "0ms"}, {"32", "0ms"},
                        {"16", "2ms"}, {"16", "5ms"}}) {
                    try (ConfigurableApplicationContext c = context(model, workers, Integer.parseInt(config[0]), config[1])) {
                        md.append(closedLoop(c.getBean(EmbeddingModel.class), queries, workers, config));
                    }
                }
            }
            md.append('\n');
        }
        md.append("Command: `mvn -B -o -q -pl knowledge -am test -Pbench -Dtest=EmbeddingBench -Dsurefire.failIfNoSpecifiedTests=false`\n");
        Path out = Path.of("target", "reports", "bench-embedding.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static String closedLoop(EmbeddingModel model, List<String> queries, int workers, String[] config)
            throws InterruptedException {
        int users = 16;
        AtomicInteger n = new AtomicInteger(1_000_000);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long from = start + 1_000_000_000L;
        long end = from + SECONDS * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    model.embed(text(queries, n.incrementAndGet()));
                    long t1 = System.nanoTime();
                    if (t0 >= from && t1 <= end) {
                        latencies.add((t1 - t0) / 1e6);
                    }
                }
                done.countDown();
            });
            t.start();
        }
        done.await();
        List<Double> all = new ArrayList<>(latencies);
        return String.format(Locale.ROOT, "| %d | %s | %s | %.0f | %.1f | %.1f |%n", workers, config[0], config[1],
                all.size() / (double) SECONDS, percentile(all, 0.5), percentile(all, 0.99));
    }

    private static ConfigurableApplicationContext context(String model, int workers, int batch, String wait) {
        return new SpringApplicationBuilder(EmbeddingConfiguration.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--qiying.knowledge.embedding.model=" + model, "--qiying.knowledge.embedding.workers=" + workers,
                        "--qiying.knowledge.embedding.batch-size=" + batch, "--qiying.knowledge.embedding.batch-wait=" + wait,
                        "--logging.level.root=WARN");
    }

    private static String text(List<String> queries, int n) {
        return TextEmbedder.QUERY_PREFIX + queries.get(n % queries.size()) + "（" + n + "）";
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<String> queries() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ProjectRoot.find().resolve("knowledge/src/test/resources/eval/queries.jsonl"))) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("query").asString());
            }
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "load average unknown";
        }
    }

}
