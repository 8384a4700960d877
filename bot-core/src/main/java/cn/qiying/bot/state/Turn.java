package cn.qiying.bot.state;

import java.util.ArrayList;
import java.util.List;

import cn.qiying.bot.Reply;

/** What one step of the dialog says and the state it leaves behind. */
public record Turn(List<Reply> replies, DialogState state) {

    public Turn {
        replies = List.copyOf(replies);
    }

    public static Turn of(DialogState state, Reply... replies) {
        return new Turn(List.of(replies), state);
    }

    /** This turn's replies followed by more. */
    public Turn then(List<Reply> more, DialogState next) {
        List<Reply> all = new ArrayList<>(replies);
        all.addAll(more);
        return new Turn(all, next);
    }

    public Turn then(Reply more) {
        return then(List.of(more), state);
    }
}
