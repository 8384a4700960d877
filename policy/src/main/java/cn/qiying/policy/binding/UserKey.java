package cn.qiying.policy.binding;

import java.util.Optional;
import java.util.regex.Pattern;

/** A WeChat user as the desk knows them: {@code channel:appId:openId} (the appId may be empty). */
public record UserKey(String channel, String appId, String openId) {

    private static final Pattern CHANNEL = Pattern.compile("[a-z]{1,10}");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{0,64}");
    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public static Optional<UserKey> parse(String key) {
        if (key == null || key.length() > 210) {
            return Optional.empty();
        }
        String[] parts = key.split(":", -1);
        if (parts.length != 3 || !CHANNEL.matcher(parts[0]).matches() || !APP_ID.matcher(parts[1]).matches()
                || !OPEN_ID.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new UserKey(parts[0], parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return channel + ":" + (appId == null ? "" : appId) + ":" + openId;
    }
}
