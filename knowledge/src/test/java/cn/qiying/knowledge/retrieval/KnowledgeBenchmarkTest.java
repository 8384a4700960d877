package cn.qiying.knowledge.retrieval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.knowledge.Calibration;
import cn.qiying.knowledge.KnowledgeCalibration;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.EntryEmbedding;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import cn.qiying.knowledge.importing.ImportFormat;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.testing.ProjectRoot;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}: import throughput (embedding included) and search latency (p50/p99 of
 * {@link KnowledgeSearch#ask}) with the 155 demo entries and with 40,000 (the demo entries plus synthetic neighbours
 * of their vectors). Writes target/reports/bench-knowledge.md.
 */
@Tag("bench")
@KnowledgeTest
class KnowledgeBenchmarkTest {

    static final int LARGE = 40_000;
    static final int PASSES = 5;
    static final List<String> FRESH_TAILS = List.of("呢", "啊", "吧", "哈", "呀", "嘛", "哦", "喔", "么", "咧");
    private int freshPasses;

    @Autowired
    KnowledgeImport imports;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeEntryRepository repository;
    @Autowired
    BaseVersion versions;
    @Autowired
    KnowledgeCalibration calibration;

    @Test
    void benchmark() throws Exception {
        Path root = ProjectRoot.find();
        byte[] demo = Files.readAllBytes(root.resolve("config/src/main/resources/demo/knowledge.jsonl"));
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("knowledge/src/test/resources/eval/queries.jsonl"))) {
            if (!line.isBlank()) {
                queries.add(JsonMapper.builder().build().readTree(line).get("query").asString());
            }
        }
        StringBuilder md = new StringBuilder("# Knowledge benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s. Each query is one `KnowledgeSearch.ask` "
                + "(the query's embedding while FT.EXPLAINCLI and the full text run on another thread, KNN, re-rank from the "
                + "in-memory entry snapshots, decision); p50, p99 and max are medians over %d passes; a fresh pass gives "
                + "every query a new tail, so it is embedded as a new question would be (the entry snapshots stay warm "
                + "after the first pass, which the worst pass's p99 shows).%n%n"
                + "Load when the benchmark started: %s.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), PASSES, load()));

        long t0 = System.nanoTime();
        ImportReport first = imports.run(demo, ImportFormat.JSONL, "bench");
        double seconds = (System.nanoTime() - t0) / 1e9;
        double calibrationSeconds = calibrated();
        md.append(String.format(Locale.ROOT, "Import of the demo file (JSON Lines, %d entries, %d phrasings embedded): "
                + "%.1f s, **%.1f entries/s** (%s); its self-calibration in the background %.1f s after it.%n%n",
                first.imported(), phrasings(demo), seconds, first.imported() / seconds, first.state(),
                calibrationSeconds));

        md.append("| entries | pass | queries × passes | p50 ms | p99 ms | max ms | worst pass's p99 ms |\n|---|---|---|---|---|---|---|\n");
        latency(md, "155", "fresh (query embedded)", queries, true);
        latency(md, "155", "repeat (embedding cached)", queries, false);

        long t1 = System.nanoTime();
        int synthetic = expand(LARGE - (int) repository.count());
        double expandSeconds = (System.nanoTime() - t1) / 1e9;
        Thread.sleep(2000); // let the index catch up with the last writes
        // as an import would: the base changed, so its lexicon is read again and it calibrates itself (measured after)
        versions.changed();
        double largeCalibration = calibrated();
        latency(md, String.valueOf(repository.count()), "fresh (query embedded)", queries, true);
        latency(md, String.valueOf(repository.count()), "repeat (embedding cached)", queries, false);
        md.append(String.format(Locale.ROOT, "%nThe %d synthetic entries (copies of the demo entries with noisy "
                + "vectors, stored without embedding) were written in %.1f s; the self-calibration of the large base "
                + "(300 entries sampled) took %.1f s before the searches.%n", synthetic, expandSeconds, largeCalibration));

        Path reports = root.resolve("knowledge/target/reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("bench-knowledge.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /**
     * {@value #PASSES} passes over the queries; p50, p99 and max are the medians of the passes' figures. A fresh pass
     * gives every query a tail no pass used before, so each one is embedded as a user's new question would be.
     */
    private void latency(StringBuilder md, String entries, String pass, List<String> queries, boolean fresh) {
        double[][] figures = new double[3][PASSES];
        for (int p = 0; p < PASSES; p++) {
            String tail = fresh ? FRESH_TAILS.get(freshPasses++ % FRESH_TAILS.size()) : "";
            double[] ms = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i) + tail;
                long t = System.nanoTime();
                search.ask(q, null);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            figures[0][p] = ms[ms.length / 2];
            figures[1][p] = ms[(int) Math.ceil(ms.length * 0.99) - 1];
            figures[2][p] = ms[ms.length - 1];
        }
        for (double[] f : figures) {
            Arrays.sort(f);
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %d × %d | %.1f | %.1f | %.1f | %.1f |%n", entries, pass,
                queries.size(), PASSES, figures[0][PASSES / 2], figures[1][PASSES / 2], figures[2][PASSES / 2],
                figures[1][PASSES - 1]));
    }

    private int expand(int count) {
        List<KnowledgeEntry> seeds = new ArrayList<>();
        repository.findAll().forEach(seeds::add);
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
                repository.saveAll(batch);
                batch.clear();
            }
        }
        repository.saveAll(batch);
        return count;
    }

    private double calibrated() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = System.currentTimeMillis() + 30 * 60 * 1000L;
        while (System.currentTimeMillis() < deadline) {
            Calibration c = calibration.current();
            if (Calibration.COMPLETED.equals(c.state()) && c.baseVersion() == versions.current()) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("self-calibration did not finish: " + calibration.current());
    }

    private static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static int phrasings(byte[] jsonl) {
        int n = 0;
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                n += 1 + JsonMapper.builder().build().readTree(line).get("similarQuestions").size();
            }
        }
        return n;
    }

}
