package cn.qiying.bot.dialog;

import cn.qiying.bot.UserMessage;

/** How an inbound message reads in the transcript staff see. */
final class Transcripts {

    private Transcripts() {
    }

    /** The user's words, or a bracketed note for events and media; null for what staff need not see. */
    static String inbound(UserMessage m) {
        return switch (m.kind()) {
            case TEXT, VOICE -> m.text();
            case IMAGE -> "[图片]";
            case LOCATION -> "[位置] " + (m.text() == null ? "" : m.text());
            case SUBSCRIBE -> m.scene() == null ? "[关注]" : "[关注] " + m.scene();
            case SCAN -> "[扫码] " + m.scene();
            case MENU_CLICK -> "[菜单] " + m.text();
            case UNSUBSCRIBE -> "[取消关注]";
            case MENU_VIEW -> null;
            case OTHER -> "[其他消息]";
        };
    }
}
