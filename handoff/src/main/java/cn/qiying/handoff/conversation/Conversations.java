package cn.qiying.handoff.conversation;

import java.time.Instant;
import java.util.List;

/** Live conversations: the transcript and whether the bot or a human answers. The userKey is channel:appId:openId. */
public interface Conversations {

    /** Every message, both ways (a capped Redis stream per user). */
    void record(String userKey, Direction direction, String text, Instant at);

    /** Several messages of one side at once (a bot's replies to one message), in the order given. */
    void record(String userKey, Direction direction, List<String> texts, Instant at);

    /** BOT unless a human was requested or took over. */
    Mode mode(String userKey);

    /** Puts the user in the queue for a human; says where it stands and whether staff are on duty now. */
    HumanRequest requestHuman(String userKey, String channel, String appId, String openId);

    /** Back to the bot (and no agent holds it any more). */
    void handBack(String userKey);

    /** The last {@code last} entries, oldest first. */
    List<Entry> transcript(String userKey, int last);

    /** Users waiting for a human, longest wait first. */
    List<Waiting> waiting();

    /** Conversations with a message in the last {@code withinHours}, most recent first. */
    List<Live> recent(int withinHours, int limit);

    /** The staff user holding the conversation, if any. */
    java.util.Optional<String> agent(String userKey);

    /**
     * Atomically gives the conversation to {@code agent} unless another agent holds it: the user leaves the queue and
     * the bot falls silent. Returns the holder afterwards (the caller won when it is its own name).
     */
    String claim(String userKey, String agent);

    /** Transcript entries after the stream id {@code afterId} ("0" or null: from the start of the kept log), oldest first. */
    List<Logged> transcriptAfter(String userKey, String afterId, int max);

    enum Mode { BOT, WAITING, HUMAN }

    record Waiting(String userKey, Instant since) {
    }

    record Live(String userKey, Instant lastAt, Mode mode, String agent) {
    }

    /** An entry with its stream id, for live views that resume where they stopped. */
    record Logged(String id, Entry entry) {
    }

    enum Direction { USER, BOT, AGENT }

    /** @param serviceHours the hours as Chinese text, e.g. "工作日 9:00-17:00" */
    record HumanRequest(int position, boolean withinServiceHours, String serviceHours) {
    }

    record Entry(Direction direction, String text, Instant at) {
    }

}
