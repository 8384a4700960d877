package cn.qiying.app.demo;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.UpsertReport;
import cn.qiying.policy.enterprise.EnterpriseDraft;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import cn.qiying.policy.library.PolicyDraft;
import cn.qiying.policy.library.PolicyLibrary;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode: the enterprise profiles of {@code demo/enterprises.json} and the policies of {@code demo/policies.json}
 * (each policy also a knowledge entry), through the policy module's own upserts. Idempotent: the files' SHA-256 is
 * kept at {@code qiying:policy-demo:sha256}, so unchanged files are not written again.
 */
@Component
@ConditionalOnProperty(name = "qiying.demo.enabled", havingValue = "true")
class DemoPolicyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoPolicyLoader.class);
    static final String ENTERPRISES = "demo/enterprises.json";
    static final String POLICIES = "demo/policies.json";
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final EnterpriseProfiles profiles;
    private final PolicyLibrary library;
    private final KnowledgeImport imports;
    private final UnifiedJedis jedis;

    DemoPolicyLoader(EnterpriseProfiles profiles, PolicyLibrary library, KnowledgeImport imports, UnifiedJedis jedis) {
        this.imports = imports;
        this.profiles = profiles;
        this.library = library;
        this.jedis = jedis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        byte[] enterprises = DemoResource.read(ENTERPRISES);
        byte[] policies = DemoResource.read(POLICIES);
        String hash = DemoResource.sha256(enterprises, policies);
        String key = Keys.of("policy-demo", "sha256");
        if (hash.equals(jedis.get(key))) {
            log.info("demo enterprises and policies already loaded");
            return;
        }
        UpsertReport firms = profiles.upsert(JSON.readValue(enterprises, new TypeReference<List<EnterpriseDraft>>() { }));
        PolicyLibrary.Written written = library.upsert(JSON.readValue(policies, new TypeReference<List<PolicyDraft>>() { }), "demo");
        boolean embedded = awaitKnowledge(written.knowledgeImport());
        if (embedded && firms.refused().isEmpty() && written.report().refused().isEmpty()) {
            jedis.set(key, hash);
        }
        log.info("demo policy services: {} enterprises ({} refused), {} policies ({} refused), knowledge import {}", firms.saved(),
                firms.refused().size(), written.report().saved(), written.report().refused().size(), written.knowledgeImport());
    }

    /** Like the demo knowledge, the policies' entries are in place before the application is ready. */
    private boolean awaitKnowledge(String importId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (importId != null && System.nanoTime() < deadline) {
            String state = imports.progress(importId).map(ImportReport::state).orElse(ImportReport.FAILED);
            if (!ImportReport.RUNNING.equals(state)) {
                return ImportReport.COMPLETED.equals(state);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return importId != null;
    }
}
