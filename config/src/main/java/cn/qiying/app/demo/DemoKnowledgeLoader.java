package cn.qiying.app.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.qiying.knowledge.importing.ImportFormat;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Demo mode: imports {@code demo/knowledge.jsonl} through the knowledge module's import at start-up. Idempotent: the
 * file's SHA-256 is kept at {@code qiying:knowledge:demo:sha256}, so an unchanged file is not embedded again, and a
 * changed one replaces its entries by id.
 */
@Component
@ConditionalOnProperty(name = "qiying.demo.enabled", havingValue = "true")
class DemoKnowledgeLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeLoader.class);
    static final String RESOURCE = "demo/knowledge.jsonl";

    private final KnowledgeImport imports;
    private final UnifiedJedis jedis;

    DemoKnowledgeLoader(KnowledgeImport imports, UnifiedJedis jedis) {
        this.imports = imports;
        this.jedis = jedis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        byte[] bytes = DemoResource.read(RESOURCE);
        String hash = DemoResource.sha256(bytes);
        String key = Keys.of("knowledge", "demo", "sha256");
        if (hash.equals(jedis.get(key))) {
            log.info("demo knowledge already loaded");
            return;
        }
        ImportReport report = imports.run(bytes, ImportFormat.JSONL, "demo");
        if (ImportReport.COMPLETED.equals(report.state())) {
            jedis.set(key, hash);
        }
        log.info("demo knowledge: {} imported, {} rejected ({})", report.imported(), report.rejected().size(),
                report.state());
    }
}
