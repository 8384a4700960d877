package cn.qiying.channels.wechat;

import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** The official account's WxJava configuration with its access token kept in Redis for the whole cluster. */
final class SharedTokenMpConfig extends WxMpDefaultConfigImpl {

    private final transient SharedAccessTokens tokens;
    private final transient Lock lock;

    SharedTokenMpConfig(SharedAccessTokens tokens, String appId) {
        this.tokens = tokens;
        this.lock = tokens.lock(appId);
        setAppId(appId);
    }

    @Override
    public String getAccessToken() {
        return tokens.get(getAppId());
    }

    @Override
    public boolean isAccessTokenExpired() {
        return tokens.get(getAppId()) == null;
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        tokens.put(getAppId(), accessToken, expiresInSeconds);
    }

    @Override
    public void expireAccessToken() {
        tokens.expire(getAppId());
    }

    @Override
    public Lock getAccessTokenLock() {
        return lock;
    }
}
