package cn.qiying.policy.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.Json;
import cn.qiying.policy.StoredHash;
import jakarta.annotation.PostConstruct;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.SortingOrder;
import redis.clients.jedis.search.FTSearchParams;
import redis.clients.jedis.search.SearchResult;
import redis.clients.jedis.search.schemafields.NumericField;
import redis.clients.jedis.search.schemafields.SchemaField;
import redis.clients.jedis.search.schemafields.TagField;
import redis.clients.jedis.search.schemafields.TextField;

/**
 * Policies in Redis: a hash per policy at {@code qiying:policy:<id>} with the searched fields ({@code title},
 * {@code summary}, {@code body}: Chinese full text; {@code department}, {@code topics}: TAG; {@code validFrom},
 * {@code validTo} as epoch days, open ends as 0 and 99999999) and the policy as JSON ({@code doc}); index
 * {@code qiying:policy-idx:v1}.
 */
@Component
public class PolicyStore {

    public static final String PREFIX = Keys.of("policy") + ":";
    public static final String INDEX = Keys.of("policy-idx", "v1");
    static final long OPEN_START = 0;
    static final long OPEN_END = 99_999_999;
    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);

    private final UnifiedJedis redis;

    PolicyStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @PostConstruct
    void createIndex() {
        List<SchemaField> schema = List.of(TextField.of("title").weight(3), TextField.of("summary"), TextField.of("body").weight(0.5),
                TagField.of("department"), TagField.of("topics").separator(','),
                NumericField.of("validFrom"), NumericField.of("validTo"), NumericField.of("updatedAt").sortable());
        if (StoredHash.ensureIndex(redis, INDEX, PREFIX, schema)) {
            log.info("created search index {}", INDEX);
        }
    }

    public void saveAll(List<Policy> policies) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (Policy p : policies) {
                pipe.eval(StoredHash.REPLACE, List.of(PREFIX + p.id()), arguments(p));
            }
            pipe.sync();
        }
    }

    public Optional<Policy> find(String id) {
        if (id == null || id.length() > 64 || !id.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(PREFIX + id, "doc")).map(PolicyStore::read);
    }

    /** One page of a query, newest first (no words) or best first (words), as policies with the total. */
    public Page search(String query, boolean byRelevance, int offset, int limit) {
        FTSearchParams params = FTSearchParams.searchParams().returnFields("doc").dialect(2).language("chinese").limit(offset, limit);
        if (!byRelevance) {
            params.sortBy("updatedAt", SortingOrder.DESC);
        }
        SearchResult result = redis.ftSearch(INDEX, query, params);
        return new Page(result.getTotalResults(), result.getDocuments().stream().map(d -> read(d.getString("doc"))).toList());
    }

    /** Every policy a query finds, read in pages (for matching all policies against one enterprise). */
    public List<Policy> all(String query) {
        List<Policy> all = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            Page page = search(query, false, offset, 1000);
            all.addAll(page.policies());
            if (page.policies().isEmpty() || all.size() >= page.total()) {
                return all;
            }
        }
    }

    public record Page(long total, List<Policy> policies) {
    }

    /** A query clause: in force on this day (epoch day). */
    public static String inForceOn(long epochDay) {
        return "@validFrom:[-inf " + epochDay + "] @validTo:[" + epochDay + " +inf]";
    }

    private static List<String> arguments(Policy p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", p.id());
        f.put("title", p.title());
        f.put("summary", p.summary());
        f.put("body", p.text());
        f.put("department", p.department());
        f.put("topics", String.join(",", p.topics()));
        f.put("validFrom", Long.toString(p.validFrom() == null ? OPEN_START : p.validFrom().toEpochDay()));
        f.put("validTo", Long.toString(p.validTo() == null ? OPEN_END : p.validTo().toEpochDay()));
        f.put("updatedAt", Long.toString(p.updatedAt() == null ? 0 : p.updatedAt().toEpochMilli()));
        f.put("doc", Json.MAPPER.writeValueAsString(p));
        return StoredHash.arguments(f);
    }

    private static Policy read(String doc) {
        return Json.MAPPER.readValue(doc, Policy.class);
    }
}
