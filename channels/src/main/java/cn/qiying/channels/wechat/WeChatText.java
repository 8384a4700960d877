package cn.qiying.channels.wechat;

import java.util.List;
import java.util.StringJoiner;

import cn.qiying.bot.Reply;

/**
 * The bot's replies as one WeChat text message: choices as numbered lines, links as {@code <a href>} (WeChat shows
 * them as tappable titles). One message, because passive replies carry one and customer-service messages are rationed.
 */
public final class WeChatText {

    private WeChatText() {
    }

    public static String of(List<Reply> replies) {
        StringJoiner text = new StringJoiner("\n\n");
        for (Reply reply : replies) {
            String part = of(reply);
            if (!part.isBlank()) {
                text.add(part);
            }
        }
        return text.toString();
    }

    static String of(Reply reply) {
        if (reply instanceof Reply.Text t) {
            return nullToEmpty(t.text());
        }
        if (reply instanceof Reply.Choices c) {
            return choices(c);
        }
        Reply.Link l = (Reply.Link) reply;
        return "<a href=\"" + attribute(l.url()) + "\">" + nullToEmpty(l.title()) + "</a>";
    }

    private static String choices(Reply.Choices c) {
        StringJoiner lines = new StringJoiner("\n");
        if (c.intro() != null && !c.intro().isBlank()) {
            lines.add(c.intro());
        }
        for (int i = 0; i < c.options().size(); i++) {
            lines.add((i + 1) + ". " + c.options().get(i));
        }
        if (c.outro() != null && !c.outro().isBlank()) {
            lines.add(c.outro());
        }
        return lines.toString();
    }

    private static String attribute(String url) {
        return nullToEmpty(url).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
