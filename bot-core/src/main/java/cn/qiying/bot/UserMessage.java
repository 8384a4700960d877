package cn.qiying.bot;

import java.time.Instant;

import cn.qiying.handoff.conversation.UserKey;

/**
 * One inbound message or event from any channel, in channel-neutral form.
 *
 * @param channel "mp" (official account), "ma" (mini program), "web" (card landing page, simulator)
 * @param appId   the WeChat appId the user wrote to (null off WeChat)
 * @param openId  the user's id on that channel
 * @param text    the text (for voice: the recognition; for menu clicks: the key)
 * @param media   an attached image or voice, or null
 * @param scene   a QR scene (e.g. {@code card:JN0001}) when the user came through one, else null
 * @param msgId   the channel's message id (dedupe key), may be null for events
 */
public record UserMessage(String channel, String appId, String openId, Kind kind, String text, Media media,
                          String scene, String msgId, Instant time) {

    public enum Kind { TEXT, IMAGE, VOICE, LOCATION, SUBSCRIBE, UNSUBSCRIBE, SCAN, MENU_CLICK, MENU_VIEW, OTHER }

    /** A picture or recording the user sent: where to fetch it and its type. */
    public record Media(String mediaId, String url, String contentType) {
    }

    public static UserMessage text(String channel, String appId, String openId, String text, String msgId, Instant time) {
        return new UserMessage(channel, appId, openId, Kind.TEXT, text, null, null, msgId, time);
    }

    /** The dialog's per-user key: one conversation per channel account and user. */
    public String userKey() {
        return UserKey.of(channel, appId, openId).value();
    }
}
