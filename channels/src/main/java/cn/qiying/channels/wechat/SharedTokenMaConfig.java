package cn.qiying.channels.wechat;

import java.util.concurrent.locks.Lock;

import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

/** The mini program's WxJava configuration with its access token kept in Redis for the whole cluster. */
final class SharedTokenMaConfig extends WxMaDefaultConfigImpl {

    private final transient SharedAccessTokens tokens;
    private final transient Lock lock;

    SharedTokenMaConfig(SharedAccessTokens tokens, String appId) {
        this.tokens = tokens;
        this.lock = tokens.lock(appId);
        setAppid(appId);
    }

    @Override
    public String getAccessToken() {
        return tokens.get(getAppid());
    }

    @Override
    public boolean isAccessTokenExpired() {
        return tokens.get(getAppid()) == null;
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        tokens.put(getAppid(), accessToken, expiresInSeconds);
    }

    @Override
    public void expireAccessToken() {
        tokens.expire(getAppid());
    }

    @Override
    public Lock getAccessTokenLock() {
        return lock;
    }
}
