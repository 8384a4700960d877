package cn.qiying.bot;

import java.util.List;

/** Turns one inbound message into the bot's replies (possibly none, e.g. while a human agent has the conversation). */
public interface Dialog {

    List<Reply> handle(UserMessage message);
}
