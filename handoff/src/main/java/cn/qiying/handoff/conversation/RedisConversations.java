package cn.qiying.handoff.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import cn.qiying.handoff.calendar.WorkingCalendar;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.time.ClockConfiguration;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Conversations in Redis: {@code qiying:conversation:<userKey>:log} a capped stream of messages,
 * {@code qiying:conversation:<userKey>:mode} WAITING or HUMAN (absent: BOT), {@code qiying:conversation-queue} the
 * sorted set of users waiting for a human (by time asked), {@code qiying:conversation-users} userKey → identity.
 */
@Service
@EnableConfigurationProperties(ServiceHoursProperties.class)
class RedisConversations implements Conversations {

    static final String QUEUE = Keys.of("conversation-queue");
    static final String USERS = Keys.of("conversation-users");
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

    static String modeKey(String userKey) {
        return Keys.of("conversation", userKey, "mode");
    }

    @Override
    public void record(String userKey, Direction direction, String text, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        redis.xadd(log(userKey), XAddParams.xAddParams().maxLen(hours.transcriptLength()).approximateTrimming(),
                Map.of("d", direction.name(), "t", text == null ? "" : text, "at", Long.toString(when.toEpochMilli())));
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
        redis.hset(USERS, userKey, channel + "\n" + (appId == null ? "" : appId) + "\n" + openId);
        Long rank = redis.zrank(QUEUE, userKey);
        int position = rank == null ? 0 : rank.intValue() + 1;
        return new HumanRequest(position, withinServiceHours(clock.instant()), serviceHours());
    }

    /** Staff took the conversation: the user leaves the queue. */
    public void takeOver(String userKey) {
        redis.set(modeKey(userKey), Mode.HUMAN.name());
        redis.zrem(QUEUE, userKey);
    }

    @Override
    public void handBack(String userKey) {
        redis.del(modeKey(userKey));
        redis.zrem(QUEUE, userKey);
    }

    @Override
    public List<Entry> transcript(String userKey, int last) {
        if (last <= 0) {
            return List.of();
        }
        List<StreamEntry> entries = redis.xrevrange(log(userKey), StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID, last);
        List<Entry> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            Map<String, String> f = e.getFields();
            out.add(new Entry(Direction.valueOf(f.get("d")), f.get("t"), Instant.ofEpochMilli(Long.parseLong(f.get("at")))));
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
