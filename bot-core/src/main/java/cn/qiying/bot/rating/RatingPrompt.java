package cn.qiying.bot.rating;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogStateStore;
import cn.qiying.bot.state.Turn;
import cn.qiying.handoff.conversation.Conversations;

/**
 * Asks a user to rate a resolved ticket, so that their next "1"/"2"/"3" answers it: the channel that delivers the
 * resolution push calls this and sends the returned replies.
 */
@Component
public class RatingPrompt {

    private final DialogStateStore states;
    private final RatingReplies ratings;
    private final Conversations conversations;
    private final Clock clock;

    public RatingPrompt(DialogStateStore states, RatingReplies ratings, Conversations conversations, Clock clock) {
        this.states = states;
        this.ratings = ratings;
        this.conversations = conversations;
        this.clock = clock;
    }

    public List<Reply> ask(String channel, String appId, String openId, String ticketNo) {
        String userKey = UserMessage.text(channel, appId, openId, null, null, null).userKey();
        return states.underLock(userKey, () -> {
            Turn turn = ratings.prompt(states.load(userKey), ticketNo);
            states.save(userKey, turn.state().activeAt(clock.instant()));
            turn.replies().forEach(r -> conversations.record(userKey, Conversations.Direction.BOT, r.asText(), clock.instant()));
            return turn.replies();
        });
    }
}
