package cn.qiying.handoff.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Metrics;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.SortingOrder;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.search.Document;
import redis.clients.jedis.search.FTCreateParams;
import redis.clients.jedis.search.FTSearchParams;
import redis.clients.jedis.search.IndexDataType;
import redis.clients.jedis.search.SearchResult;
import redis.clients.jedis.search.schemafields.NumericField;
import redis.clients.jedis.search.schemafields.SchemaField;
import redis.clients.jedis.search.schemafields.TagField;
import redis.clients.jedis.search.schemafields.TextField;
import redis.clients.jedis.util.KeyValue;

import cn.qiying.handoff.sla.Milestones;
import cn.qiying.platform.search.QuerySyntax;

/**
 * Tickets in Redis. Every write is one Lua script that checks the expected version, writes the hash, re-arms the
 * deadline timers and appends the event, so two writers cannot both win and no event is lost or invented.
 */
@Component
class TicketStore {

    private static final Logger log = LoggerFactory.getLogger(TicketStore.class);
    /** The search flag of tickets rated unsatisfied. */

    private static final long NO_DEADLINE = 253402300799000L; // 9999-12-31, sorts last
    private static final long EVENTS_MAXLEN = 1_000_000;

    // KEYS: ticket hash, deadline zset, event stream, external-id key (the ticket key itself when none); the
    // department queues are named inside the script (one Redis, not a cluster: see README)
    // ARGV: expected version (0 = create), no, stream maxlen, n + hash pairs, n + timer (score, member) pairs, n + event pairs
    private static final String WRITE = """
            local version = redis.call('HGET', KEYS[1], 'version')
            if ARGV[1] == '0' then
              if KEYS[4] ~= KEYS[1] then
                local existing = redis.call('GET', KEYS[4])
                if existing then return {'EXISTS', existing} end
              end
              if version then return {'CONFLICT', redis.call('HGET', KEYS[1], 'status')} end
            else
              if not version then return {'MISSING', ''} end
              if version ~= ARGV[1] then return {'CONFLICT', redis.call('HGET', KEYS[1], 'status')} end
            end
            local queue = '%s'
            local old = redis.call('HGET', KEYS[1], 'depts')
            if old then for d in string.gmatch(old, '[^,]+') do redis.call('ZREM', queue .. d, ARGV[2]) end end
            local i = 4
            local n = tonumber(ARGV[i]); i = i + 1
            local fields = {}
            for j = 1, n * 2 do fields[j] = ARGV[i]; i = i + 1 end
            redis.call('HSET', KEYS[1], unpack(fields))
            local now = redis.call('HMGET', KEYS[1], 'depts', 'open', 'dueAt')
            if now[2] == '1' and now[1] then
              for d in string.gmatch(now[1], '[^,]+') do redis.call('ZADD', queue .. d, now[3], ARGV[2]) end
            end
            if ARGV[1] == '0' and KEYS[4] ~= KEYS[1] then redis.call('SET', KEYS[4], ARGV[2]) end
            for _, m in ipairs({'contact', 'reply', 'resolve'}) do
              redis.call('ZREM', KEYS[2], ARGV[2] .. '|' .. m .. '|near', ARGV[2] .. '|' .. m .. '|overdue')
            end
            n = tonumber(ARGV[i]); i = i + 1
            for j = 1, n do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]); i = i + 2 end
            n = tonumber(ARGV[i]); i = i + 1
            local event = {}
            for j = 1, n * 2 do event[j] = ARGV[i]; i = i + 1 end
            local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*', unpack(event))
            return {'OK', id}
            """.formatted(TicketKeys.QUEUE_PREFIX);

    /** The hash fields a ticket is read from: its document and the fields the document leaves to the hash. */
    private static final String[] STORED = Stream.concat(Stream.of("doc"),
            TicketJson.IN_HASH.values().stream()).distinct().toArray(String[]::new);

    private final UnifiedJedis redis;
    private final ConnectionProvider connections;
    private final int waitReplicas;
    private final long waitMillis;

    /**
     * @param waitReplicas {@code qiying.redis.wait-replicas}: with a replica behind the primary, how many replicas must
     *                     have a ticket write in their append-only file before it is acknowledged (WAITAOF, on the
     *                     connection that wrote); 0 (the default) acknowledges on the primary's own fsync
     * @param waitTimeout  {@code qiying.redis.wait-timeout}: how long to wait for them; a shortfall is logged and
     *                     counted ({@code qiying.redis.waitaof.shortfall}), not refused: a replica down must not stop
     *                     the service, and the write is on the primary's disk already
     */
    TicketStore(UnifiedJedis redis, ConnectionProvider connections, @Value("${qiying.redis.wait-replicas:0}") int waitReplicas,
                @Value("${qiying.redis.wait-timeout:PT1S}") Duration waitTimeout) {
        this.redis = redis;
        this.connections = connections;
        this.waitReplicas = Math.max(0, waitReplicas);
        this.waitMillis = Math.max(1, waitTimeout.toMillis());
        createIndex();
        buildQueues();
    }

    /** The outcome of a write: written, or the ticket already existed (same external id), or someone else changed it first. */
    public record Write(Result result, String value) {
        public enum Result { OK, EXISTS, CONFLICT, MISSING }
    }

    Write create(Ticket ticket, String externalId, TicketEvent event, List<Timer> timers) {
        ticket.setVersion(1);
        String key = TicketKeys.ticket(ticket.getNo());
        String externalKey = externalId == null ? key : TicketKeys.external(externalId);
        return write(key, externalKey, 0, ticket, event, timers);
    }

    Write replace(long expectedVersion, Ticket ticket, TicketEvent event, List<Timer> timers) {
        ticket.setVersion(expectedVersion + 1);
        String key = TicketKeys.ticket(ticket.getNo());
        return write(key, key, expectedVersion, ticket, event, timers);
    }

    private Write write(String key, String externalKey, long expected, Ticket ticket, TicketEvent event, List<Timer> timers) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(expected));
        args.add(ticket.getNo());
        args.add(Long.toString(EVENTS_MAXLEN));
        Map<String, String> fields = indexed(ticket);
        args.add(Integer.toString(fields.size()));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.add(Integer.toString(timers.size()));
        for (Timer timer : timers) {
            args.add(Long.toString(timer.at().toEpochMilli()));
            args.add(timer.member());
        }
        Map<String, String> eventFields = event.fields();
        args.add(Integer.toString(eventFields.size()));
        eventFields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        List<String> keys = List.of(key, TicketKeys.DEADLINES, TicketKeys.EVENTS, externalKey);
        List<?> reply = waitReplicas > 0 ? writeAndWait(keys, args) : (List<?>) redis.eval(WRITE, keys, args);
        return new Write(Write.Result.valueOf(String.valueOf(reply.get(0))), String.valueOf(reply.get(1)));
    }

    /** The write and WAITAOF on one connection: WAITAOF waits for the writes of the connection it runs on. */
    private List<?> writeAndWait(List<String> keys, List<String> args) {
        try (Connection connection = connections.getConnection()) {
            Jedis jedis = new Jedis(connection);
            List<?> reply = (List<?>) jedis.eval(WRITE, keys, args);
            if ("OK".equals(String.valueOf(reply.get(0)))) {
                try {
                    KeyValue<Long, Long> synced = jedis.waitAOF(1, waitReplicas, waitMillis);
                    if (synced.getValue() < waitReplicas) {
                        Metrics.counter("qiying.redis.waitaof.shortfall").increment();
                        log.warn("ticket write acknowledged on the primary's fsync only: {} of {} replicas confirmed within {} ms",
                                synced.getValue(), waitReplicas, waitMillis);
                    }
                } catch (JedisDataException e) {
                    // e.g. appendonly off on the primary: the write stands, the wait cannot be had
                    Metrics.counter("qiying.redis.waitaof.shortfall").increment();
                    log.error("WAITAOF refused ({}): check appendonly on the primary", e.getMessage());
                }
            }
            return reply;
        }
    }

    List<Timer> dueTimers(java.time.Instant now, int max) {
        return redis.zrangeByScoreWithScores(TicketKeys.DEADLINES, 0, now.toEpochMilli(), 0, max).stream()
                .map(t -> Timer.parse(t.getElement(), java.time.Instant.ofEpochMilli((long) t.getScore()))).toList();
    }

    /** The write re-armed the ticket's other timers; a stale one just goes. */
    void dropTimer(Timer timer) {
        redis.zrem(TicketKeys.DEADLINES, timer.member());
    }

    public Optional<Ticket> find(String no) {
        if (TicketNumber.parse(no).filter(n -> n.value().equals(no)).isEmpty()) {
            return Optional.empty();
        }
        List<String> stored = redis.hmget(TicketKeys.ticket(no), STORED);
        return Optional.ofNullable(stored.get(0)).map(doc -> TicketJson.readStored(doc, byField(stored)));
    }

    public Optional<String> findByExternalId(String externalId) {
        return Optional.ofNullable(redis.get(TicketKeys.external(externalId)));
    }

    public TicketQuery.Page search(TicketQuery query) {
        if (query.isDepartmentQueue()) {
            return departmentQueue(query);
        }
        // ids only: the 20 tickets are then read in one pipeline, as the department queue reads them
        FTSearchParams params = FTSearchParams.searchParams().noContent().language("chinese").dialect(2)
                .limit(Math.max(0, query.offset()), Math.max(0, Math.min(query.limit(), 1000)));
        if (query.byDeadline()) {
            params.sortBy("dueAt", SortingOrder.ASC);
        } else {
            params.sortBy("receivedAt", SortingOrder.DESC);
        }
        SearchResult result = redis.ftSearch(TicketKeys.INDEX, queryText(query), params);
        List<Ticket> tickets = read(result.getDocuments().stream().map(Document::getId).toList());
        return new TicketQuery.Page(result.getTotalResults(), tickets);
    }

    /**
     * A department's open tickets by deadline from its sorted set: as fast with 40,000 open tickets as with 40. A
     * member whose ticket no longer belongs there (written before the queues, or by hand) is dropped as it is met.
     */
    private TicketQuery.Page departmentQueue(TicketQuery query) {
        String key = TicketKeys.queue(query.department());
        int offset = Math.max(0, query.offset());
        int limit = Math.max(0, Math.min(query.limit(), 1000));
        long total = redis.zcard(key);
        if (limit == 0 || offset >= total) {
            return new TicketQuery.Page(total, List.of());
        }
        List<String> nos = redis.zrange(key, offset, offset + limit - 1);
        List<Ticket> read = readAll(nos.stream().map(TicketKeys::ticket).toList());
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < nos.size(); i++) {
            Ticket t = read.get(i);
            if (t == null || !t.getStatus().isOpen() || !query.department().equals(t.getDepartment())
                    && !t.getCoDepartments().contains(query.department())) {
                redis.zrem(key, nos.get(i));
                total--;
            } else {
                tickets.add(t);
            }
        }
        return new TicketQuery.Page(total, tickets);
    }

    /** Tickets by their keys, in one pipeline; absent ones are left out. */
    private List<Ticket> read(List<String> keys) {
        return readAll(keys).stream().filter(Objects::nonNull).toList();
    }

    /** Tickets by their keys, in one pipeline; null where a key holds no ticket. */
    private List<Ticket> readAll(List<String> keys) {
        List<Response<List<String>>> replies = new ArrayList<>();
        try (AbstractPipeline pipe = redis.pipelined()) {
            keys.forEach(key -> replies.add(pipe.hmget(key, STORED)));
            pipe.sync();
        }
        List<Ticket> tickets = new ArrayList<>();
        for (Response<List<String>> reply : replies) {
            List<String> stored = reply.get();
            tickets.add(stored.get(0) == null ? null : TicketJson.readStored(stored.get(0), byField(stored)));
        }
        return tickets;
    }

    private static Map<String, String> byField(List<String> values) {
        Map<String, String> hash = new HashMap<>();
        for (int i = 0; i < STORED.length; i++) {
            hash.put(STORED[i], values.get(i));
        }
        return hash;
    }

    /** Once: open tickets written before the department queues existed go into their queues. */
    private void buildQueues() {
        if (redis.exists(TicketKeys.QUEUES_BUILT)) {
            return;
        }
        int offset = 0;
        while (true) {
            SearchResult page = redis.ftSearch(TicketKeys.INDEX, "@open:{1}", FTSearchParams.searchParams()
                    .returnFields("depts", "dueAt").dialect(2).limit(offset, 1000));
            for (Document d : page.getDocuments()) {
                String no = d.getId().substring(d.getId().lastIndexOf(':') + 1);
                String depts = d.getString("depts");
                if (depts != null && !depts.isBlank()) {
                    for (String dept : depts.split(",")) {
                        redis.zadd(TicketKeys.queue(dept), Double.parseDouble(d.getString("dueAt")), no);
                    }
                }
            }
            offset += page.getDocuments().size();
            if (page.getDocuments().isEmpty() || offset >= page.getTotalResults()) {
                break;
            }
        }
        redis.set(TicketKeys.QUEUES_BUILT, "1");
    }

    static String queryText(TicketQuery q) {
        StringJoiner parts = new StringJoiner(" ");
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            StringJoiner any = new StringJoiner("|");
            q.statuses().forEach(s -> any.add(s.name()));
            parts.add("@status:{" + any + "}");
        }
        tag(parts, "depts", q.department());
        tag(parts, "channel", q.channel());
        tag(parts, "appId", q.appId());
        tag(parts, "openId", q.openId());
        tag(parts, "flags", q.flag());
        tag(parts, "uscc", q.uscc());
        tag(parts, "category", q.category());
        if (q.open() != null) {
            parts.add("@open:{" + (q.open() ? "1" : "0") + "}");
        }
        if (q.receivedFrom() != null || q.receivedTo() != null) {
            String from = q.receivedFrom() == null ? "-inf" : Long.toString(q.receivedFrom().toEpochMilli());
            String to = q.receivedTo() == null ? "+inf" : "(" + q.receivedTo().toEpochMilli();
            parts.add("@receivedAt:[" + from + " " + to + "]");
        }
        String words = QuerySyntax.words(q.text());
        if (!words.isEmpty()) {
            parts.add("@text|enterprise:(" + words + ")");
        }
        String text = parts.toString();
        return text.isEmpty() ? "*" : text;
    }

    private static void tag(StringJoiner parts, String field, String value) {
        if (value != null && !value.isBlank()) {
            parts.add("@" + field + ":{" + QuerySyntax.tag(value) + "}");
        }
    }

    /** The hash fields of a ticket (the benchmark loads tickets with these directly). */
    static Map<String, String> indexed(Ticket t) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("version", Long.toString(t.getVersion()));
        f.put("status", t.getStatus().name());
        f.put("open", t.getStatus().isOpen() ? "1" : "0");
        f.put("lead", nz(t.getDepartment()));
        List<String> depts = new ArrayList<>();
        if (t.getDepartment() != null) {
            depts.add(t.getDepartment());
        }
        depts.addAll(t.getCoDepartments());
        f.put("depts", String.join(",", depts));
        f.put("district", nz(t.getDistrict()));
        f.put("kind", t.getKind().name());
        f.put("category", nz(t.getCategory()));
        f.put("complexity", t.getComplexity() == null ? "" : t.getComplexity().name());
        Source s = t.getSource();
        f.put("channel", s == null ? "" : nz(s.channel()));
        f.put("appId", s == null ? "" : nz(s.appId()));
        f.put("openId", s == null ? "" : nz(s.openId()));
        f.put("uscc", t.getEnterprise() == null ? "" : nz(t.getEnterprise().uscc()));
        f.put("enterprise", t.getEnterprise() == null ? "" : nz(t.getEnterprise().name()));
        List<String> flags = new ArrayList<>(t.getFlags().names());
        if (t.getRating() != null && t.getRating().rating() == Rating.UNSATISFIED) {
            flags.add(TicketQuery.UNSATISFIED_FLAG); // searchable only: the console's queue of unsatisfied ratings
        }
        f.put("flags", String.join(",", flags));
        f.put("text", nz(t.getDescription()));
        f.put("receivedAt", Long.toString(t.getReceivedAt().toEpochMilli()));
        Milestones d = t.getDeadlines();
        f.put("dueAt", Long.toString(d.resolveBy() == null ? NO_DEADLINE : d.resolveBy().toEpochMilli()));
        f.put("doc", TicketJson.writeStored(t)); // without what the fields above already hold (TicketJson.IN_HASH)
        return f;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private void createIndex() {
        try {
            redis.ftInfo(TicketKeys.INDEX);
            return;
        } catch (JedisDataException e) {
            // not there yet
        }
        List<SchemaField> schema = List.of(
                TextField.of("text"), TextField.of("enterprise").weight(0.5),
                TagField.of("status"), TagField.of("open"), TagField.of("lead"), TagField.of("depts"),
                TagField.of("district"), TagField.of("kind"), TagField.of("category"), TagField.of("complexity"),
                TagField.of("channel"), TagField.of("appId").caseSensitive(), TagField.of("openId").caseSensitive(),
                TagField.of("uscc"), TagField.of("flags"),
                NumericField.of("receivedAt").sortable(), NumericField.of("dueAt").sortable());
        try {
            redis.ftCreate(TicketKeys.INDEX, FTCreateParams.createParams().on(IndexDataType.HASH)
                    .prefix(TicketKeys.DOC_PREFIX).language("chinese"), schema);
            log.info("created search index {}", TicketKeys.INDEX);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                throw e;
            }
        }
    }
}
