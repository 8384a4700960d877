package cn.qiying.handoff.conversation;

import java.time.Instant;
import java.util.List;

/** Live conversations: the transcript and whether the bot or a human answers. The userKey is channel:appId:openId. */
public interface Conversations {

    /** Every message, both ways (a capped Redis stream per user). */
    void record(String userKey, Direction direction, String text, Instant at);

    /** BOT unless a human was requested or took over. */
    Mode mode(String userKey);

    /** Puts the user in the queue for a human; says where it stands and whether staff are on duty now. */
    HumanRequest requestHuman(String userKey, String channel, String appId, String openId);

    /** Back to the bot. */
    void handBack(String userKey);

    /** The last {@code last} entries, oldest first. */
    List<Entry> transcript(String userKey, int last);

    enum Mode { BOT, WAITING, HUMAN }

    enum Direction { USER, BOT, AGENT }

    /** @param serviceHours the hours as Chinese text, e.g. "工作日 9:00-17:00" */
    record HumanRequest(int position, boolean withinServiceHours, String serviceHours) {
    }

    record Entry(Direction direction, String text, Instant at) {
    }

    static String userKey(String channel, String appId, String openId) {
        return channel + ":" + appId + ":" + openId;
    }
}
