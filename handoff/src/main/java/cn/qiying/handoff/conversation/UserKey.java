package cn.qiying.handoff.conversation;

import java.util.Optional;

/**
 * Who a conversation is with: a user of one channel account, {@code channel:appId:openId} as the dialog state,
 * transcripts and the console key it ({@code -} for an account without an app id). Channels and openIds hold no colon.
 */
public record UserKey(String channel, String appId, String openId) {

    private static final String NO_APP = "-";

    public UserKey {
        if (channel == null || channel.isBlank() || channel.contains(":") || openId == null || openId.isBlank() || openId.contains(":")) {
            throw new IllegalArgumentException("not a user of a channel: " + channel + "/" + openId);
        }
        appId = appId == null || appId.isBlank() || appId.equals(NO_APP) ? null : appId;
    }

    public static UserKey of(String channel, String appId, String openId) {
        return new UserKey(channel, appId, openId);
    }

    /** The key as stored, or empty when the text is not one. */
    public static Optional<UserKey> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int first = value.indexOf(':');
        int last = value.lastIndexOf(':');
        if (first <= 0 || last == first || last == value.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserKey(value.substring(0, first), value.substring(first + 1, last), value.substring(last + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return channel + ":" + (appId == null ? NO_APP : appId) + ":" + openId;
    }

    @Override
    public String toString() {
        return value();
    }
}
