package cn.qiying.knowledge.retrieval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Calibration;
import cn.qiying.knowledge.KnowledgeCalibration;
import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.KnowledgeTestApplication;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.importing.ImportFormat;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.ProjectRoot;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make eval}: from one run, side by side, the demo set (the demo knowledge and
 * src/test/resources/eval/queries.jsonl) and the independent development set {@code ../shared/eval-dev/} (skipped with
 * a line when absent): a Lucene BM25 baseline (SmartChineseAnalyzer), dense retrieval alone (KNN) and the system's
 * decision, each figure broken down by style. The clock is pinned to 2026-12-04 (the sets have validity windows).
 * Nothing here is fitted on the queries. Writes target/reports/eval-knowledge.md and, per set, the outcome of every
 * query (eval-outcomes-*.tsv).
 */
@Tag("eval")
@KnowledgeTest
class KnowledgeEvaluationTest {

    static final LocalDate EVALUATION_DAY = LocalDate.of(2026, 12, 4);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> SYSTEMS = List.of("BM25 (Lucene smartcn)", "dense only (KNN)", "system (decision)");

    @Autowired
    KnowledgeImport imports;
    @Autowired
    HybridRetrieval retrieval;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    MovableClock clock;
    @Autowired
    UnifiedJedis jedis;
    @Autowired
    KnowledgeCalibration calibration;
    @Autowired
    BaseVersion versions;

    /** A labelled query: expect null when the base has no answer; nearMiss for the null queries that share words. */
    record Labelled(String query, String expect, String style, boolean nearMiss) {
    }

    /** One system's ranked ids and decision for one query. */
    record Outcome(List<String> ranked, Decision decision) {
    }

    /** A knowledge base with its labelled queries. */
    record EvalSet(String name, String description, byte[] base, List<Labelled> queries) {
    }

    @AfterEach
    void resetClock() {
        clock.set(KnowledgeTestApplication.START);
    }

    @Test
    void evaluate() throws Exception {
        clock.set(EVALUATION_DAY.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        Path root = ProjectRoot.find();
        List<EvalSet> sets = new ArrayList<>();
        sets.add(new EvalSet("demo", "the 155 demo entries and the project's own labelled queries",
                Files.readAllBytes(root.resolve("config/src/main/resources/demo/knowledge.jsonl")),
                labelled(root.resolve("knowledge/src/test/resources/eval/queries.jsonl"), "query", "kind",
                        style -> style.equals("expired"))));
        Path dev = root.resolve("../shared/eval-dev").normalize();
        String missing = null;
        if (Files.exists(dev.resolve("kb.jsonl")) && Files.exists(dev.resolve("queries.jsonl"))) {
            sets.add(new EvalSet("eval-dev", "../shared/eval-dev (written independently of this project)",
                    Files.readAllBytes(dev.resolve("kb.jsonl")),
                    labelled(dev.resolve("queries.jsonl"), "q", "style", style -> style.equals("near_miss"))));
        } else {
            missing = "../shared/eval-dev is absent (" + dev + "): that half of the evaluation was skipped.";
        }
        Path reports = root.resolve("knowledge/target/reports");
        Files.createDirectories(reports);
        Map<String, List<Metrics>> results = new LinkedHashMap<>();
        Map<String, Map<String, List<Metrics>>> byStyle = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (EvalSet set : sets) {
            long started = System.nanoTime();
            clear();
            ImportReport report = imports.run(set.base(), ImportFormat.JSONL, "eval");
            if (!report.rejected().isEmpty() || !ImportReport.COMPLETED.equals(report.state())) {
                throw new IllegalStateException(set.name() + " did not import cleanly: " + report);
            }
            double importSeconds = (System.nanoTime() - started) / 1e9;
            long calibrating = System.nanoTime();
            Calibration fitted = calibrated();
            double calibrationSeconds = (System.nanoTime() - calibrating) / 1e9;
            Bm25 bm25 = new Bm25(set.base(), EVALUATION_DAY);
            StringBuilder outcomes = new StringBuilder("query\texpect\tstyle\tsystem\tdecision\tranked\tscores\n");
            List<Function<String, Outcome>> systems = List.of(
                    q -> always(bm25.search(q, 5)),
                    q -> always(retrieval.vectorRanking(q, null, 5)),
                    q -> {
                        Answer a = search.ask(q, null);
                        outcomes.append(String.join("\t", q.replace('\t', ' '), "", "", "system",
                                a.decision().json(), String.join(",", a.hits().stream().map(Hit::id).toList()),
                                String.join(",", a.hits().stream().map(h -> f(h.score())).toList()))).append('\n');
                        return new Outcome(a.hits().stream().map(Hit::id).toList(), a.decision());
                    });
            StringBuilder candidates = new StringBuilder(
                    "query\texpect\tstyle\tid\tdense\tpassage\tlexical\tlexicalAll\tvectorRank\ttextRank\tscore\n");
            for (Labelled l : set.queries()) {
                for (Candidate c : retrieval.retrieve(l.query(), null).stream().limit(10).toList()) {
                    candidates.append(String.join("\t", l.query().replace('\t', ' '),
                            l.expect() == null ? "none" : l.expect(), l.style(), c.id(), f(c.dense()), f(c.passage()),
                            f(c.lexical()), f(c.lexicalAll()), String.valueOf(c.vectorRank()),
                            String.valueOf(c.textRank()), f(c.score()))).append('\n');
                }
            }
            Files.writeString(reports.resolve("eval-candidates-" + set.name() + ".tsv"), candidates,
                    StandardCharsets.UTF_8);
            List<Metrics> overall = new ArrayList<>();
            Map<String, List<Metrics>> styles = new LinkedHashMap<>();
            long queriesStarted = System.nanoTime();
            for (int s = 0; s < systems.size(); s++) {
                Metrics all = new Metrics();
                for (Labelled l : set.queries()) {
                    Outcome o = systems.get(s).apply(l.query());
                    all.add(l, o);
                    List<Metrics> perStyle = styles.computeIfAbsent(l.style(), k -> {
                        List<Metrics> m = new ArrayList<>();
                        SYSTEMS.forEach(x -> m.add(new Metrics()));
                        return m;
                    });
                    perStyle.get(s).add(l, o);
                }
                overall.add(all);
            }
            results.put(set.name(), overall);
            byStyle.put(set.name(), styles);
            Calibration.SelfMeasured self = fitted.measured();
            notes.put(set.name(), String.format(Locale.ROOT, "%s: %d entries imported in %.1f s; %d queries (%d in "
                    + "scope, %d without an answer, %d of them near misses), the three systems over them in %d ms. "
                    + "Self-calibration (%.1f s, %d questions: %d positives, %d near misses, %d far) fitted answer %.3f / "
                    + "margin %.3f / suggest %.3f and measured itself at hit@1 %.3f, answered rightly %.3f, wrong %.3f, "
                    + "helpful %.3f, declined near %.3f / far %.3f.",
                    set.description(), report.imported(), importSeconds, set.queries().size(), overall.get(0).inScope,
                    overall.get(0).nulls, overall.get(0).nearNulls, (System.nanoTime() - queriesStarted) / 1_000_000,
                    calibrationSeconds, fitted.total(), self.positives(), self.nearMisses(), self.far(),
                    fitted.thresholds().answerScore(), fitted.thresholds().answerMargin(),
                    fitted.thresholds().suggestScore(), self.hitAt1(), self.answeredRightly(), self.wrong(),
                    self.helpful(), self.declinedNear(), self.declinedFar()));
            Files.writeString(reports.resolve("eval-outcomes-" + set.name() + ".tsv"), labelOutcomes(outcomes, set),
                    StandardCharsets.UTF_8);
        }
        String md = report(results, byStyle, notes, missing);
        Files.writeString(reports.resolve("eval-knowledge.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** Waits for the self-calibration of the base as it is now. */
    private Calibration calibrated() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15 * 60 * 1000L;
        while (System.currentTimeMillis() < deadline) {
            Calibration c = calibration.current();
            if (Calibration.COMPLETED.equals(c.state()) && c.baseVersion() == versions.current()) {
                return c;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("self-calibration did not finish: " + calibration.current());
    }

    private void clear() {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(KnowledgeEntry.PREFIX + ":*").count(500);
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            List<String> keys = page.getResult().stream().filter(k -> !k.equals(KnowledgeEntry.INDEX)).toList();
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    private static List<Labelled> labelled(Path file, String queryField, String styleField,
            java.util.function.Predicate<String> nearMissStyle) throws IOException {
        List<Labelled> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                String style = n.get(styleField).asString();
                String expect = n.get("expect").isNull() ? null : n.get("expect").asString();
                queries.add(new Labelled(n.get(queryField).asString(), expect, style,
                        expect == null && nearMissStyle.test(style)));
            }
        }
        return queries;
    }

    private static String labelOutcomes(StringBuilder outcomes, EvalSet set) {
        String[] lines = outcomes.toString().split("\n");
        StringBuilder out = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            Labelled l = set.queries().get(i - 1);
            String[] cols = lines[i].split("\t", -1);
            cols[1] = l.expect() == null ? "none" : l.expect();
            cols[2] = l.style();
            out.append(String.join("\t", cols)).append('\n');
        }
        return out.toString();
    }

    private static Outcome always(List<String> ranked) {
        return new Outcome(ranked, ranked.isEmpty() ? Decision.NONE : Decision.ANSWER);
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    /** The figures of one system on a set of queries. */
    static final class Metrics {
        int all, inScope, nulls, nearNulls, hit1, hit3, answeredRight, wrong, helpful, declinedFar, declinedNear;
        double mrr;

        void add(Labelled l, Outcome o) {
            all++;
            List<String> r = o.ranked();
            if (l.expect() == null) {
                nulls++;
                if (l.nearMiss()) {
                    nearNulls++;
                }
                if (o.decision() == Decision.NONE) {
                    if (l.nearMiss()) {
                        declinedNear++;
                    } else {
                        declinedFar++;
                    }
                } else if (o.decision() == Decision.ANSWER) {
                    wrong++;
                }
                return;
            }
            inScope++;
            int rank = r.indexOf(l.expect()) + 1;
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
            mrr += rank >= 1 ? 1.0 / rank : 0;
            if (o.decision() == Decision.ANSWER) {
                if (rank == 1) {
                    answeredRight++;
                } else {
                    wrong++;
                }
            }
            if ((o.decision() == Decision.ANSWER && rank == 1)
                    || (o.decision() == Decision.SUGGEST && rank >= 1 && rank <= 3)) {
                helpful++;
            }
        }

        /** The figures in the report's order; NaN where the set has no query of that kind. */
        double[] figures() {
            return new double[] {ratio(hit1, inScope), ratio(hit3, inScope), inScope == 0 ? Double.NaN : mrr / inScope,
                    ratio(answeredRight, inScope), ratio(wrong, all), ratio(helpful, inScope),
                    ratio(declinedFar + declinedNear, nulls), ratio(declinedFar, nulls - nearNulls),
                    ratio(declinedNear, nearNulls)};
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    private static final List<String> FIGURES = List.of("hit@1", "hit@3", "MRR", "answered rightly",
            "wrong (of all queries)", "helpful", "declined", "declined: far", "declined: near misses");

    private static String report(Map<String, List<Metrics>> results, Map<String, Map<String, List<Metrics>>> byStyle,
            Map<String, String> notes, String missing) {
        StringBuilder md = new StringBuilder("# Knowledge retrieval evaluation\n\n");
        md.append("Evaluation day ").append(EVALUATION_DAY).append(" (entries outside their validity window are never "
                + "returned). Thresholds: the system's own (nothing is fitted on these queries).\n\n");
        notes.values().forEach(n -> md.append("- ").append(n).append('\n'));
        if (missing != null) {
            md.append("- ").append(missing).append('\n');
        }
        md.append("\n| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        results.keySet().forEach(set -> SYSTEMS.forEach(s -> {
            md.append(' ').append(set).append(": ").append(s).append(" |");
            rule.append("---|");
        }));
        md.append('\n').append(rule).append('\n');
        for (int i = 0; i < FIGURES.size(); i++) {
            md.append("| ").append(FIGURES.get(i)).append(" |");
            for (List<Metrics> systems : results.values()) {
                for (Metrics m : systems) {
                    md.append(' ').append(cell(m.figures()[i])).append(" |");
                }
            }
            md.append('\n');
        }
        md.append("\nhit@k and MRR over the queries that have an answer. *answered rightly*: decision `answer` with the "
                + "expected entry, of the queries that have one; *wrong*: decision `answer` with another entry, or any "
                + "answer to a query without one, of all queries; *helpful*: a right answer, or the expected entry among "
                + "the first three suggestions; *declined*: decision `none` for a query without an answer (far: out of "
                + "scope; near misses: enterprise topics the base does not cover). The baselines have no decision: they "
                + "answer their first result whenever they find anything.\n");
        byStyle.forEach((set, styles) -> {
            md.append("\n## ").append(set).append(" by style\n\n| style | n | BM25 hit@1 | dense hit@1 | ");
            md.append("hit@1 | hit@3 | MRR | answered rightly | wrong | helpful | declined |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            styles.forEach((style, m) -> {
                double[] x = m.get(2).figures();
                md.append("| ").append(style).append(" | ").append(m.get(2).all).append(" | ")
                        .append(cell(m.get(0).figures()[0])).append(" | ").append(cell(m.get(1).figures()[0]))
                        .append(" | ");
                for (int i : new int[] {0, 1, 2, 3, 4, 5, 6}) {
                    md.append(cell(x[i])).append(" | ");
                }
                md.append('\n');
            });
        });
        return md.toString();
    }

    private static String cell(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.3f", d);
    }

    /**
     * The baseline: Lucene BM25 over question, similar questions and answer, analysed by SmartChineseAnalyzer, of the
     * entries valid on the day.
     */
    static final class Bm25 {
        private final IndexSearcher searcher;
        private final QueryParser parser;

        Bm25(byte[] jsonl, LocalDate day) throws IOException {
            SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
                for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(line);
                    if (!validOn(e, day)) {
                        continue;
                    }
                    StringBuilder text = new StringBuilder(e.get("question").asString());
                    e.get("similarQuestions").forEach(s -> text.append('\n').append(s.asString()));
                    text.append('\n').append(e.get("answer").asString());
                    Document d = new Document();
                    d.add(new StringField("id", e.get("id").asString(), Field.Store.YES));
                    d.add(new TextField("text", text.toString(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(new BM25Similarity());
            parser = new QueryParser("text", analyzer);
        }

        private static boolean validOn(JsonNode e, LocalDate day) {
            JsonNode from = e.get("validFrom");
            JsonNode to = e.get("validTo");
            return (from == null || from.isNull() || !LocalDate.parse(from.asString()).isAfter(day))
                    && (to == null || to.isNull() || !LocalDate.parse(to.asString()).isBefore(day));
        }

        List<String> search(String q, int k) {
            List<String> ids = new ArrayList<>();
            String escaped = QueryParser.escape(q).strip();
            if (escaped.isEmpty()) {
                return ids;
            }
            try {
                for (ScoreDoc sd : searcher.search(parser.parse(escaped), k).scoreDocs) {
                    ids.add(searcher.storedFields().document(sd.doc).get("id"));
                }
            } catch (ParseException | IOException e) {
                return ids;
            }
            return ids;
        }
    }
}
