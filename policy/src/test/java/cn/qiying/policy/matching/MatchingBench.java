package cn.qiying.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.Sample;
import cn.qiying.policy.enterprise.EnterpriseDraft;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import cn.qiying.policy.enterprise.EnterpriseStore;
import cn.qiying.policy.library.Conditions;
import cn.qiying.policy.library.Policy;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * make bench: {@code bench.enterprises} profiles (default 100,000, drawn like the tests' sample) written through the
 * profile service, then one policy matched against all of them through {@link PolicyMatching#matches} (the query of
 * the enterprise index, the facts of every match read and each one's why written), for policies from narrow to
 * broad; writes policy/target/reports/bench-policy.md. Target: a typical policy ≤ 200 ms.
 */
@Tag("bench")
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class)
class MatchingBench {

    static final int RUNS = 40;

    @Autowired EnterpriseProfiles profiles;
    @Autowired PolicyMatching matching;
    @Autowired UnifiedJedis redis;
    @Autowired MovableClock clock;
    @Autowired EnterpriseStore store;

    record Case(String name, Conditions conditions) {
    }

    @Test
    void matchingOnePolicyAgainstAHundredThousandEnterprises() throws IOException {
        clock.set(PolicyTestApplication.START);
        int n = Integer.getInteger("bench.enterprises", 100_000);
        long before = usedMemory();
        long loadStart = System.nanoTime();
        List<Sample.Firm> firms = Sample.firms(n, 42);
        for (int i = 0; i < n; i += 5000) {
            List<EnterpriseDraft> drafts = firms.subList(i, Math.min(n, i + 5000)).stream()
                    .map(f -> Json.MAPPER.convertValue(f.json(), EnterpriseDraft.class)).toList();
            assertThat(profiles.upsert(drafts).saved()).isEqualTo(drafts.size());
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        waitForIndexing();
        double bytesPerEnterprise = (usedMemory() - before) / (double) n;

        List<Case> cases = List.of(
                new Case("typical: 高新技术企业 in 2 of 6 districts, small or micro", new Conditions(List.of("高新技术企业"), null,
                        List.of("南湖区", "北山区"), null, List.of("small", "micro"))),
                new Case("typical: manufacturing (C) SMEs with any of 3 qualifications", new Conditions(List.of("中小微企业"),
                        List.of("高新技术企业", "科技型中小企业", "专精特新中小企业"), null, List.of("C"), null)),
                new Case("narrow: 专精特新 and 进出口, one district", new Conditions(List.of("专精特新中小企业", "进出口企业"), null,
                        List.of("临江县"), null, null)),
                new Case("broad: small and micro enterprises (half of all)", new Conditions(null, null, null, null, List.of("small", "micro"))),
                new Case("everyone: no conditions", Conditions.NONE));
        StringBuilder rows = new StringBuilder();
        for (Case c : cases) {
            Policy policy = new Policy("bench", "bench", "bench", null, null, "bench", null, null, null, List.of(), c.conditions(), null);
            int matches = matching.matches(policy).size();
            int runs = matches > 20_000 ? 10 : RUNS;
            for (int i = 0; i < 3; i++) {
                matching.matches(policy); // warm-up
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                matching.matches(policy);
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            long[] raw = new long[runs];
            String query = Eligibility.query(c.conditions());
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                store.eachFact(query, PolicyMatching.PAGE, List.of("uscc", "name", "district", "scale"), row -> { });
                raw[i] = System.nanoTime() - start;
            }
            Arrays.sort(raw);
            rows.append("| %s | %,d | %.1f | %.1f | %.1f |%n".formatted(c.name(), matches, ms(times, 50), ms(times, 99), ms(raw, 50)));
        }
        String report = """
                # policy benchmark

                Enterprise profiles loaded: %,d (through EnterpriseProfiles.upsert in batches of 5,000: checks, rule tags,
                one pipelined script per profile), in %.0f s. Redis used_memory growth: %.0f bytes per profile (hash with the
                JSON profile, TAG and text index).

                | policy | matches | p50 (ms) | p99 (ms) | the query alone, p50 (ms) |
                |---|---|---|---|---|
                %s
                Each figure: PolicyMatching.matches from one thread (%d runs, 10 for more than 20,000 matches, after 3
                warm-ups): the query of the enterprise index read through a cursor 10,000 at a time (FT.AGGREGATE with LOAD),
                the facts of each match read and its why written; the last column is the same query's cursor alone (four
                fields loaded). Redis Stack 7.4, appendfsync always, on this machine (2 cores shared with the JVM).
                Command: `mvn -B -o -q -pl policy -am test -Pbench -Dtest=MatchingBench [-Dbench.enterprises=N]`
                """.formatted(n, loadSeconds, bytesPerEnterprise, rows, RUNS);
        Path out = Path.of("target/reports/bench-policy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
    }

    long usedMemory() {
        for (String line : redis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }

    void waitForIndexing() {
        for (int i = 0; i < 600; i++) {
            Object indexing = redis.ftInfo(EnterpriseStore.INDEX).get("indexing");
            if (indexing == null || "0".equals(String.valueOf(indexing))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
