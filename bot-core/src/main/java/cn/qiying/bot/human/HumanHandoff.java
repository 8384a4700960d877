package cn.qiying.bot.human;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.text.Phrases;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.Conversations.HumanRequest;

/** "转人工": queue the user for staff in service hours; outside them, offer to leave the message as a ticket. */
@Component
public class HumanHandoff {

    private final Conversations conversations;
    private final Phrases phrases;

    public HumanHandoff(Conversations conversations, Phrases phrases) {
        this.conversations = conversations;
        this.phrases = phrases;
    }

    public Turn request(DialogState state, UserMessage from) {
        DialogState next = state.draft() == null ? state.withoutOffers() : state.withoutOffers().paused();
        HumanRequest request = conversations.requestHuman(from.userKey(), from.channel(), from.appId(), from.openId());
        if (request.withinServiceHours()) {
            int ahead = Math.max(0, request.position() - 1);
            String text = ahead == 0 ? phrases.get("human.queued-first", request.serviceHours())
                    : phrases.get("human.queued", ahead, request.serviceHours());
            return Turn.of(next, new Reply.Text(text));
        }
        if (conversations.mode(from.userKey()) != Conversations.Mode.BOT) {
            conversations.handBack(from.userKey()); // nobody on duty: keep the bot answering so the offer below can be taken
        }
        Reply offer = new Reply.Choices(phrases.get("human.off-hours.intro", request.serviceHours()),
                List.of(phrases.get("human.off-hours.leave"), phrases.get("human.off-hours.back")),
                phrases.get("human.off-hours.outro"));
        return Turn.of(next.offering(List.of(Offer.of(Offer.Action.LEAVE_MESSAGE), Offer.of(Offer.Action.MENU)), List.of(), null),
                offer);
    }

    /** The user no longer wants a human (said while waiting or talking to one). */
    public List<Reply> cancel(String userKey) {
        conversations.handBack(userKey);
        return List.of(new Reply.Text(phrases.get("human.back")));
    }
}
