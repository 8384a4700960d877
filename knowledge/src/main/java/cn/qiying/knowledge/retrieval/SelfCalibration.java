package cn.qiying.knowledge.retrieval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.Calibration;
import cn.qiying.knowledge.KnowledgeCalibration;
import cn.qiying.knowledge.Thresholds;
import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.retrieval.CalibrationFit.Asked;
import cn.qiying.knowledge.retrieval.CalibrationFit.Kind;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.redis.RedisLock;
import cn.qiying.platform.time.ClockConfiguration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base measures itself after every change, in the background (one instance at a time, under a Redis lock): each
 * similar question is asked with that phrasing left out of its entry (as it is, and after a line of small talk), each
 * entry's question and first similar question
 * with the whole entry left out (near misses), and the small talk of {@code knowledge/calibration-far.txt}; then the
 * thresholds are fitted ({@link CalibrationFit}). The result lives at {@code qiying:knowledge:calibration}.
 */
@Service
class SelfCalibration implements KnowledgeCalibration, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SelfCalibration.class);
    static final String KEY = Keys.of("knowledge", "calibration");
    static final String LOCK = Keys.of("lock", "knowledge-calibration");
    static final String FAR = "knowledge/calibration-far.txt";
    private static final long LOCK_MILLIS = 30 * 60 * 1000L;
    private static final long REREAD_MILLIS = 1000;
    private static final int PROGRESS_EVERY = 25;
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Path2[] PATHS = {Path2.of("$.question"), Path2.of("$.similarQuestions"), Path2.of("$.state"),
            Path2.of("$.validFromDay"), Path2.of("$.validToDay")};

    private final UnifiedJedis jedis;
    private final HybridRetrieval retrieval;
    private final BaseVersion versions;
    private final KnowledgeProperties knowledge;
    private final CalibrationProperties properties;
    private final Clock clock;
    private final List<String> far;
    private final RedisLock lock;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Calibration cached;
    private volatile long cachedAt;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-calibration");
        t.setDaemon(true);
        return t;
    });

    SelfCalibration(UnifiedJedis jedis, HybridRetrieval retrieval, BaseVersion versions, KnowledgeProperties knowledge,
            CalibrationProperties properties, Clock clock) {
        this.jedis = jedis;
        this.retrieval = retrieval;
        this.versions = versions;
        this.knowledge = knowledge;
        this.properties = properties;
        this.clock = clock;
        this.lock = new RedisLock(jedis, LOCK, Duration.ofMillis(LOCK_MILLIS));
        this.far = QueryText.read(FAR).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    @Override
    public Calibration current() {
        Calibration c = cached;
        if (c == null || System.currentTimeMillis() - cachedAt > REREAD_MILLIS) {
            String json = jedis.get(KEY);
            c = json == null ? none() : JSON.readValue(json, Calibration.class);
            cached = c;
            cachedAt = System.currentTimeMillis();
        }
        return c;
    }

    /** The thresholds the decision uses now. */
    Thresholds thresholds() {
        return current().thresholds();
    }

    @EventListener
    void baseChanged(BaseVersion.Changed changed) {
        request();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (properties.enabled() && current().baseVersion() != versions.current()) {
            request();
        }
    }

    /** Asks for a run; a run already under way is followed by one more, which sees the latest base. */
    void request() {
        if (!properties.enabled()) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            background.submit(this::drain);
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                try {
                    run();
                } catch (RuntimeException e) {
                    log.warn("knowledge self-calibration failed: {}", e.toString());
                    Calibration last = current();
                    store(new Calibration(Calibration.FAILED, last.baseVersion(), last.entries(), last.done(),
                            last.total(), last.startedAt(), clock.instant(), properties.wrongRate(),
                            properties.declined(), last.thresholds(), last.measured()));
                }
            }
        } finally {
            running.set(false);
            if (requested.get() && running.compareAndSet(false, true)) {
                background.submit(this::drain);
            }
        }
    }

    private record Question(Kind kind, String text, String expect, HybridRetrieval.Exclusion exclusion) {
    }

    private void run() {
        if (!lock.tryLock()) {
            // another instance measures the base; its result reaches this one through Redis
            return;
        }
        try {
            long version = versions.current();
            Instant started = clock.instant();
            List<List<String>> entries = entries();
            List<Question> questions = questions(entries);
            Calibration previous = current();
            List<Asked> asked = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                if (i % PROGRESS_EVERY == 0) {
                    store(new Calibration(Calibration.RUNNING, previous.baseVersion(), entries.size(), i,
                            questions.size(), started, null, properties.wrongRate(), properties.declined(),
                            previous.thresholds(), previous.measured()));
                }
                asked.add(ask(questions.get(i)));
            }
            CalibrationFit.Fitted fitted = CalibrationFit.fit(asked, properties.wrongRate(), properties.declined(),
                    properties.nullShare());
            if (fitted.measured().positives() < properties.minPositives()) {
                Thresholds configured = configured();
                fitted = new CalibrationFit.Fitted(configured, CalibrationFit.measure(asked, configured,
                        properties.nullShare()));
            }
            Calibration done = new Calibration(Calibration.COMPLETED, version, entries.size(), questions.size(),
                    questions.size(), started, clock.instant(), properties.wrongRate(), properties.declined(),
                    fitted.thresholds(), fitted.measured());
            store(done);
            log.info("knowledge self-calibration of base version {} ({} entries, {} questions): answer {} / margin {}"
                    + " / suggest {}", version, entries.size(), questions.size(), fitted.thresholds().answerScore(),
                    fitted.thresholds().answerMargin(), fitted.thresholds().suggestScore());
            if (versions.current() != version) {
                requested.set(true);
            }
        } finally {
            lock.unlock();
        }
    }

    private Asked ask(Question q) {
        List<Candidate> ranked = retrieval.retrieve(q.text(), null, q.exclusion());
        double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
        double margin = ranked.size() > 1 ? top - ranked.get(1).score() : top;
        return new Asked(q.kind(), q.expect(), ranked.stream().limit(3).map(Candidate::id).toList(), top, margin);
    }

    /** Each sampled entry's phrasings as the snapshots number them: [id, question, similar questions…]. */
    private List<Question> questions(List<List<String>> entries) {
        List<Question> questions = new ArrayList<>();
        for (List<String> e : entries) {
            String id = e.get(0);
            List<String> phrasings = e.subList(1, e.size());
            for (int i = 1; i < phrasings.size(); i++) {
                HybridRetrieval.Exclusion left = new HybridRetrieval.Exclusion(id, i);
                questions.add(new Question(Kind.POSITIVE, phrasings.get(i), id, left));
                // users wrap their question in words the base does not hold (a greeting first): the same, asked so
                String wrap = far.isEmpty() ? "" : far.get(Math.floorMod((id + i).hashCode(), far.size()));
                questions.add(new Question(Kind.POSITIVE, wrap + " " + phrasings.get(i), id, left));
            }
            for (int i = 0; i < Math.min(2, phrasings.size()); i++) {
                questions.add(new Question(Kind.NEAR, phrasings.get(i), null, new HybridRetrieval.Exclusion(id, -1)));
            }
        }
        far.forEach(f -> questions.add(new Question(Kind.FAR, f, null, HybridRetrieval.Exclusion.NONE)));
        return questions;
    }

    /** Live entries valid today, at most {@code max-entries} of them (a fixed sample of a larger base). */
    private List<List<String>> entries() {
        long today = LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI)).toEpochDay();
        List<List<String>> entries = new ArrayList<>();
        EntryPaths.forEach(jedis, PATHS, (id, paths) -> {
            String from = EntryPaths.first(paths, "$.validFromDay");
            String to = EntryPaths.first(paths, "$.validToDay");
            String question = EntryPaths.first(paths, "$.question");
            if (KnowledgeEntry.LIVE.equals(EntryPaths.first(paths, "$.state")) && question != null
                    && (from == null || Long.parseLong(from) <= today) && (to == null || Long.parseLong(to) >= today)) {
                List<String> e = new ArrayList<>(List.of(id, question));
                EntryPaths.texts(paths, "$.similarQuestions").stream().filter(q -> !e.subList(1, e.size()).contains(q))
                        .forEach(e::add);
                entries.add(e);
            }
        });
        entries.sort(Comparator.comparing((List<String> e) -> UUID.nameUUIDFromBytes(e.get(0).getBytes()).toString()));
        return entries.size() > properties.maxEntries() ? entries.subList(0, properties.maxEntries()) : entries;
    }

    private Calibration none() {
        return new Calibration(Calibration.NONE, -1, 0, 0, 0, null, null, properties.wrongRate(), properties.declined(),
                configured(), null);
    }

    private Thresholds configured() {
        return new Thresholds(knowledge.answerScore(), knowledge.answerMargin(), knowledge.suggestScore(), false);
    }

    private void store(Calibration c) {
        jedis.set(KEY, JSON.writeValueAsString(c));
        cached = c;
        cachedAt = System.currentTimeMillis();
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
