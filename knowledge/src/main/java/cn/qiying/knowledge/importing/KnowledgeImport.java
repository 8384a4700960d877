package cn.qiying.knowledge.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.EntryEmbedding;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a file of entries: checks every row (bad rows are reported by line, good rows go on), embeds and stores the
 * good ones in batches as {@code staged} (never answered), then makes them all live at once. Progress is kept in
 * Redis at {@code qiying:knowledge:import:<id>} (a JSON string of the {@link ImportReport}, kept 7 days).
 */
@Service
public class KnowledgeImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImport.class);
    static final int BATCH = 64;
    private static final Duration KEEP_REPORT = Duration.ofDays(7);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final EntryEmbedding embedding;
    private final KnowledgeEntryRepository repository;
    private final UnifiedJedis jedis;
    private final MessageSource messages;
    private final Clock clock;
    private final BaseVersion version;
    // one import at a time per instance: the embedding model already uses both cores
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-import");
        t.setDaemon(true);
        return t;
    });

    public KnowledgeImport(EntryEmbedding embedding, KnowledgeEntryRepository repository, UnifiedJedis jedis,
            MessageSource messages, Clock clock, BaseVersion version) {
        this.embedding = embedding;
        this.repository = repository;
        this.jedis = jedis;
        this.messages = messages;
        this.clock = clock;
        this.version = version;
    }

    /** Imports now and returns the final report. */
    public ImportReport run(byte[] bytes, ImportFormat format, String updatedBy) {
        Prepared prepared = prepare(bytes, format);
        return execute(prepared, updatedBy);
    }

    /** Checks the rows now, imports in the background; the returned report is {@code running}. */
    public ImportReport start(byte[] bytes, ImportFormat format, String updatedBy) {
        Prepared prepared = prepare(bytes, format);
        ImportReport first = prepared.report(ImportReport.RUNNING, 0, 0, null);
        record(first);
        background.submit(() -> execute(prepared, updatedBy));
        return first;
    }

    public Optional<ImportReport> progress(String importId) {
        if (importId == null || !importId.matches("[A-Za-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String json = jedis.get(key(importId));
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, ImportReport.class));
    }

    private Prepared prepare(byte[] bytes, ImportFormat format) {
        List<ParsedRow> rows = format.parse(bytes);
        Map<String, Integer> firstLine = new HashMap<>();
        List<EntryDraft> good = new ArrayList<>();
        List<ImportReport.RowProblem> rejected = new ArrayList<>();
        for (ParsedRow row : rows) {
            List<String> codes = new ArrayList<>(row.problems());
            String id = row.draft() == null ? null : row.draft().id();
            if (codes.isEmpty() && firstLine.containsKey(id)) {
                codes.add("knowledge.import.id-duplicate");
            }
            if (codes.isEmpty()) {
                firstLine.put(id, row.line());
                good.add(row.draft());
            } else {
                rejected.add(new ImportReport.RowProblem(row.line(), id, codes, codes.stream().map(this::message).toList()));
            }
        }
        return new Prepared(UUID.randomUUID().toString(), format, rows.size(), good, rejected, clock.instant());
    }

    private ImportReport execute(Prepared p, String updatedBy) {
        List<String> written = new ArrayList<>();
        try {
            record(p.report(ImportReport.RUNNING, 0, 0, null));
            for (int from = 0; from < p.good().size(); from += BATCH) {
                List<EntryDraft> batch = p.good().subList(from, Math.min(from + BATCH, p.good().size()));
                List<KnowledgeEntry> entries = embedding.embed(batch, updatedBy, KnowledgeEntry.STAGED, p.importId());
                repository.saveAll(entries);
                entries.forEach(e -> written.add(e.getId()));
                record(p.report(ImportReport.RUNNING, written.size(), written.size(), null));
            }
            goLive(written);
            version.changed();
            ImportReport done = p.report(ImportReport.COMPLETED, written.size(), written.size(), clock.instant());
            record(done);
            log.info("knowledge import {}: {} imported, {} rejected", p.importId(), written.size(), p.rejected().size());
            return done;
        } catch (RuntimeException e) {
            log.error("knowledge import {} failed after {} entries", p.importId(), written.size(), e);
            ImportReport failed = p.report(ImportReport.FAILED, written.size(), 0, clock.instant());
            record(failed);
            return failed;
        }
    }

    // one pipelined round of JSON.SET: the import's entries start answering together
    private void goLive(List<String> ids) {
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String id : ids) {
                pipeline.jsonSet(KnowledgeEntry.PREFIX + ":" + id, Path2.of("$.state"), "\"" + KnowledgeEntry.LIVE + "\"");
            }
            pipeline.sync();
        }
    }

    private void record(ImportReport report) {
        jedis.setex(key(report.importId()), KEEP_REPORT.toSeconds(), JSON.writeValueAsString(report));
    }

    private static String key(String importId) {
        return Keys.of("knowledge", "import", importId);
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private record Prepared(String importId, ImportFormat format, int total, List<EntryDraft> good,
            List<ImportReport.RowProblem> rejected, Instant startedAt) {

        ImportReport report(String state, int embedded, int imported, Instant finishedAt) {
            return new ImportReport(importId, state, format.name().toLowerCase(Locale.ROOT), total, embedded, imported,
                    rejected, startedAt, finishedAt);
        }
    }

}
