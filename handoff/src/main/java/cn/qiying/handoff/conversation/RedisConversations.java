package cn.qiying.handoff.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.Tuple;

import cn.qiying.handoff.calendar.WorkingCalendar;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.time.ClockConfiguration;

/**
 * Conversations in Redis: {@code qiying:conversation:<userKey>:log} a capped stream of messages,
 * {@code qiying:conversation:<userKey>:mode} WAITING or HUMAN (absent: BOT), {@code qiying:conversation-queue} the
 * sorted set of users waiting for a human (by time asked),
 * {@code qiying:conversation:<userKey>:agent} the staff user holding it, {@code qiying:conversation-recent} the sorted set
 * of userKeys by their last message (a week kept).
 */
@Service
@EnableConfigurationProperties(ServiceHoursProperties.class)
class RedisConversations implements Conversations {

    static final String QUEUE = Keys.of("conversation-queue");
    static final String RECENT = Keys.of("conversation-recent");
    private static final long KEEP_RECENT_MILLIS = 7L * 24 * 3600 * 1000;
    // the holder stays, or the caller becomes the holder: mode HUMAN and out of the queue in the same step
    private static final String CLAIM = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return holder end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], 'HUMAN')
            redis.call('ZREM', KEYS[3], ARGV[2])
            return ARGV[1]
            """;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H:mm");

    private final UnifiedJedis redis;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ServiceHoursProperties hours;
    private final StatusLabels texts;

    RedisConversations(UnifiedJedis redis, Clock clock, WorkingCalendar calendar, ServiceHoursProperties hours, StatusLabels texts) {
        this.redis = redis;
        this.clock = clock;
        this.calendar = calendar;
        this.hours = hours;
        this.texts = texts;
    }

    static String log(String userKey) {
        return Keys.of("conversation", userKey, "log");
    }

    static String agentKey(String userKey) {
        return Keys.of("conversation", userKey, "agent");
    }

    static String modeKey(String userKey) {
        return Keys.of("conversation", userKey, "mode");
    }

    @Override
    public void record(String userKey, Direction direction, String text, Instant at) {
        record(userKey, direction, List.of(text == null ? "" : text), at);
    }

    /** One round trip for all of them: every write waits for the append-only file's fsync. */
    @Override
    public void record(String userKey, Direction direction, List<String> texts, Instant at) {
        if (texts.isEmpty()) {
            return;
        }
        Instant when = at == null ? clock.instant() : at;
        String millis = Long.toString(when.toEpochMilli());
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (String text : texts) {
                pipe.xadd(log(userKey), XAddParams.xAddParams().maxLen(hours.transcriptLength()).approximateTrimming(),
                        Map.of("d", direction.name(), "t", text == null ? "" : text, "at", millis));
            }
            pipe.zadd(RECENT, when.toEpochMilli(), userKey);
            pipe.zremrangeByScore(RECENT, 0, when.toEpochMilli() - KEEP_RECENT_MILLIS);
            pipe.sync();
        }
    }

    @Override
    public Mode mode(String userKey) {
        String mode = redis.get(modeKey(userKey));
        return mode == null ? Mode.BOT : Mode.valueOf(mode);
    }

    @Override
    public HumanRequest requestHuman(String userKey, String channel, String appId, String openId) {
        String key = modeKey(userKey);
        String current = redis.get(key);
        if (!Mode.HUMAN.name().equals(current)) {
            redis.set(key, Mode.WAITING.name());
            redis.zadd(QUEUE, clock.millis(), userKey, ZAddParams.zAddParams().nx());
        }
        Long rank = redis.zrank(QUEUE, userKey);
        int position = rank == null ? 0 : rank.intValue() + 1;
        return new HumanRequest(position, withinServiceHours(clock.instant()), serviceHours());
    }

    @Override
    public String claim(String userKey, String agent) {
        return String.valueOf(redis.eval(CLAIM, List.of(agentKey(userKey), modeKey(userKey), QUEUE), List.of(agent, userKey)));
    }

    @Override
    public Optional<String> agent(String userKey) {
        return Optional.ofNullable(redis.get(agentKey(userKey)));
    }

    @Override
    public void handBack(String userKey) {
        redis.del(modeKey(userKey), agentKey(userKey));
        redis.zrem(QUEUE, userKey);
    }

    @Override
    public List<Waiting> waiting() {
        List<Waiting> out = new ArrayList<>();
        for (Tuple t : redis.zrangeWithScores(QUEUE, 0, 199)) {
            out.add(new Waiting(t.getElement(), Instant.ofEpochMilli((long) t.getScore())));
        }
        return out;
    }

    @Override
    public List<Live> recent(int withinHours, int limit) {
        long now = clock.millis();
        List<Live> out = new ArrayList<>();
        for (Tuple t : redis.zrevrangeByScoreWithScores(RECENT, Double.POSITIVE_INFINITY, now - withinHours * 3600_000.0, 0, limit)) {
            String userKey = t.getElement();
            out.add(new Live(userKey, Instant.ofEpochMilli((long) t.getScore()), mode(userKey), agent(userKey).orElse(null)));
        }
        return out;
    }

    @Override
    public List<Logged> transcriptAfter(String userKey, String afterId, int max) {
        StreamEntryID start = afterId == null || afterId.isBlank() || "0".equals(afterId) ? StreamEntryID.MINIMUM_ID
                : new StreamEntryID(afterId);
        List<StreamEntry> entries = redis.xrange(log(userKey), start, StreamEntryID.MAXIMUM_ID, max + 1);
        List<Logged> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            if (e.getID().equals(start)) {
                continue; // XRANGE is inclusive
            }
            out.add(new Logged(e.getID().toString(), entry(e)));
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    private static Entry entry(StreamEntry e) {
        Map<String, String> f = e.getFields();
        return new Entry(Direction.valueOf(f.get("d")), f.get("t"), Instant.ofEpochMilli(Long.parseLong(f.get("at"))));
    }

    @Override
    public List<Entry> transcript(String userKey, int last) {
        if (last <= 0) {
            return List.of();
        }
        List<StreamEntry> entries = redis.xrevrange(log(userKey), StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID, last);
        List<Entry> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            out.add(entry(e));
        }
        Collections.reverse(out);
        return out;
    }

    boolean withinServiceHours(Instant at) {
        ZonedDateTime local = at.atZone(ClockConfiguration.SHANGHAI);
        return calendar.isWorkingDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(hours.opens()) && local.toLocalTime().isBefore(hours.closes());
    }

    String serviceHours() {
        return texts.text("conversation.service-hours", HOUR.format(hours.opens()), HOUR.format(hours.closes()));
    }
}
