package cn.qiying.handoff.ticket;

/** Where the appeal came from: a WeChat identity ({@code mp}, {@code ma}, {@code web}), a service card, or the 12345 hotline. */
public record Source(String channel, String appId, String openId, String cardCode, String externalId) {

    public boolean reachable() {
        return channel != null && openId != null;
    }
}
