package cn.qiying.policy.enterprise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.Json;
import cn.qiying.policy.StoredHash;
import jakarta.annotation.PostConstruct;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.SortingOrder;
import redis.clients.jedis.search.FTSearchParams;
import redis.clients.jedis.search.SearchResult;
import redis.clients.jedis.search.aggr.AggregationBuilder;
import redis.clients.jedis.search.aggr.AggregationResult;
import redis.clients.jedis.search.schemafields.NumericField;
import redis.clients.jedis.search.schemafields.SchemaField;
import redis.clients.jedis.search.schemafields.TagField;
import redis.clients.jedis.search.schemafields.TextField;

/**
 * Profiles in Redis: a hash per enterprise at {@code qiying:enterprise:<uscc>} holding the indexed facts ({@code uscc},
 * {@code name}, {@code district}, {@code industry}, {@code scale}, {@code tags} comma-joined, {@code updatedAt}) and the
 * whole profile as JSON ({@code doc}); the query engine's index {@code qiying:enterprise-idx:v1} has TAG fields over the
 * facts, so matching a policy is one query.
 */
@Component
public class EnterpriseStore {

    public static final String PREFIX = Keys.of("enterprise") + ":";
    public static final String INDEX = Keys.of("enterprise-idx", "v1");
    private static final Logger log = LoggerFactory.getLogger(EnterpriseStore.class);

    private static final long CURSOR_IDLE_MS = 30_000;

    private final UnifiedJedis redis;

    EnterpriseStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @PostConstruct
    void createIndex() {
        List<SchemaField> schema = List.of(TagField.of("uscc"), TextField.of("name"), TagField.of("district"),
                TagField.of("industry"), TagField.of("scale"), TagField.of("tags").separator(','),
                NumericField.of("updatedAt").sortable());
        if (StoredHash.ensureIndex(redis, INDEX, PREFIX, schema)) {
            log.info("created search index {}", INDEX);
        }
    }

    public static String key(String uscc) {
        return PREFIX + uscc;
    }

    /** Writes the profile unless one exists (a profile filled in from an appeal never overwrites staff's). */
    public boolean saveIfAbsent(Enterprise enterprise) {
        return Long.valueOf(1).equals(redis.eval(StoredHash.CREATE, List.of(key(enterprise.uscc())), arguments(enterprise)));
    }

    public void save(Enterprise enterprise) {
        redis.eval(StoredHash.REPLACE, List.of(key(enterprise.uscc())), arguments(enterprise));
    }

    /** Writes many profiles in one pipeline (an import). */
    public void saveAll(List<Enterprise> enterprises) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (Enterprise e : enterprises) {
                pipe.eval(StoredHash.REPLACE, List.of(key(e.uscc())), arguments(e));
            }
            pipe.sync();
        }
    }

    public Optional<Enterprise> find(String uscc) {
        if (uscc == null || uscc.length() != 18) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(key(uscc), "doc")).map(EnterpriseStore::read);
    }

    /** The profiles of these codes, in their order; absent ones left out. */
    public List<Enterprise> findAll(List<String> usccs) {
        List<Response<String>> replies = new ArrayList<>();
        try (AbstractPipeline pipe = redis.pipelined()) {
            usccs.forEach(u -> replies.add(pipe.hget(key(u), "doc")));
            pipe.sync();
        }
        return replies.stream().map(Response::get).filter(d -> d != null).map(EnterpriseStore::read).toList();
    }

    /**
     * Every profile a query finds, as these hash fields only (not the JSON profile), read through one cursor in
     * batches: one pass of the query however many match (paging with offsets would run it again for each page).
     */
    public long eachFact(String query, int batch, List<String> fields, Consumer<Map<String, Object>> each) {
        AggregationBuilder aggregation = new AggregationBuilder(query)
                .load(fields.stream().map(f -> "@" + f).toArray(String[]::new)).cursor(batch, CURSOR_IDLE_MS).dialect(2);
        AggregationResult page = redis.ftAggregate(INDEX, aggregation);
        long seen = 0;
        try {
            while (true) {
                for (Map<String, Object> row : page.getResults()) {
                    each.accept(row);
                    seen++;
                }
                Long cursor = page.getCursorId();
                if (cursor == null || cursor == 0) {
                    return seen;
                }
                page = redis.ftCursorRead(INDEX, cursor, batch);
            }
        } catch (RuntimeException e) {
            Long cursor = page.getCursorId();
            if (cursor != null && cursor != 0) {
                redis.ftCursorDel(INDEX, cursor);
            }
            throw e;
        }
    }

    /** One page of a query over the index, newest first, as profiles. */
    public List<Enterprise> search(String query, int offset, int limit) {
        SearchResult page = redis.ftSearch(INDEX, query, FTSearchParams.searchParams().returnFields("doc").dialect(2)
                .language("chinese").sortBy("updatedAt", SortingOrder.DESC).limit(offset, limit));
        return page.getDocuments().stream().map(d -> read(d.getString("doc"))).toList();
    }

    public long total(String query) {
        return redis.ftSearch(INDEX, query, FTSearchParams.searchParams().noContent().dialect(2).limit(0, 0)).getTotalResults();
    }

    private static List<String> arguments(Enterprise e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("uscc", e.uscc());
        f.put("name", e.name());
        f.put("district", e.district());
        f.put("industry", e.industry());
        f.put("scale", e.scale() == null ? null : e.scale().json());
        f.put("tags", String.join(",", e.tags()));
        f.put("updatedAt", Long.toString(e.updatedAt() == null ? 0 : e.updatedAt().toEpochMilli()));
        f.put("doc", Json.MAPPER.writeValueAsString(e));
        return StoredHash.arguments(f);
    }

    private static Enterprise read(String doc) {
        return Json.MAPPER.readValue(doc, Enterprise.class);
    }
}
