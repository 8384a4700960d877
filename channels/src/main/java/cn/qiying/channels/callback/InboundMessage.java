package cn.qiying.channels.callback;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import cn.qiying.bot.UserMessage.Kind;
import cn.qiying.bot.UserMessage.Media;
import cn.qiying.bot.UserMessage;

/** A WeChat message or event, as its XML fields, turned into the channel-neutral {@link UserMessage}. */
final class InboundMessage {

    /** The EventKey of a subscription through a parametric QR code starts with this. */
    private static final String QR_SCENE_PREFIX = "qrscene_";

    private InboundMessage() {
    }

    static UserMessage from(CallbackAccount account, Map<String, String> f, Instant received) {
        String openId = f.get("FromUserName");
        if (openId == null || openId.isBlank()) {
            throw new MalformedCallbackException("a message without FromUserName");
        }
        Instant time = createTime(f.get("CreateTime"), received);
        String msgId = blankToNull(f.get("MsgId"));
        String type = lower(f.get("MsgType"));
        return switch (type) {
            case "text" -> message(account, openId, Kind.TEXT, f.get("Content"), null, null, msgId, time);
            case "image" -> message(account, openId, Kind.IMAGE, null,
                    new Media(f.get("MediaId"), f.get("PicUrl"), "image/jpeg"), null, msgId, time);
            case "voice" -> message(account, openId, Kind.VOICE, blankToNull(f.get("Recognition")),
                    new Media(f.get("MediaId"), null, "audio/" + lower(f.getOrDefault("Format", "amr"))), null, msgId, time);
            case "location" -> message(account, openId, Kind.LOCATION, location(f), null, null, msgId, time);
            case "event" -> event(account, openId, f, time);
            default -> message(account, openId, Kind.OTHER, f.get("Content"), null, null, msgId, time);
        };
    }

    private static UserMessage event(CallbackAccount account, String openId, Map<String, String> f, Instant time) {
        String key = blankToNull(f.get("EventKey"));
        return switch (lower(f.get("Event"))) {
            case "subscribe" -> {
                String scene = key != null && key.startsWith(QR_SCENE_PREFIX) ? key.substring(QR_SCENE_PREFIX.length()) : null;
                yield message(account, openId, Kind.SUBSCRIBE, null, null, scene, null, time);
            }
            case "scan" -> message(account, openId, Kind.SCAN, null, null, key, null, time);
            case "click" -> message(account, openId, Kind.MENU_CLICK, key, null, null, null, time);
            case "view" -> message(account, openId, Kind.MENU_VIEW, key, null, null, null, time);
            case "unsubscribe" -> message(account, openId, Kind.UNSUBSCRIBE, null, null, null, null, time);
            default -> message(account, openId, Kind.OTHER, lower(f.get("Event")), null, null, null, time);
        };
    }

    private static UserMessage message(CallbackAccount account, String openId, Kind kind, String text, Media media,
                                       String scene, String msgId, Instant time) {
        return new UserMessage(account.channel(), account.appId(), openId, kind, text, media, scene, msgId, time);
    }

    /** The place's label and coordinates, e.g. "历下区泺源大街 (36.66, 117.02)". */
    private static String location(Map<String, String> f) {
        String label = f.getOrDefault("Label", "").trim();
        String coordinates = "(" + f.getOrDefault("Location_X", "?") + ", " + f.getOrDefault("Location_Y", "?") + ")";
        return label.isEmpty() ? coordinates : label + " " + coordinates;
    }

    private static Instant createTime(String value, Instant fallback) {
        try {
            return value == null ? fallback : Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
