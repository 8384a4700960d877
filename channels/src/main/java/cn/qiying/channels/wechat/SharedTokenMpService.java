package cn.qiying.channels.wechat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;

/**
 * WxJava's official-account client with one change: after waiting for the token lock it looks again for a token
 * another instance has just stored (WxJava's own code fetches anyway, so N waiting instances made N fetches).
 */
final class SharedTokenMpService extends WxMpServiceImpl {

    private static final long LOCK_WAIT_SECONDS = 10;

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        var config = getWxMpConfigStorage();
        if (!forceRefresh && !config.isAccessTokenExpired()) {
            return config.getAccessToken();
        }
        Lock lock = config.getAccessTokenLock();
        boolean locked = false;
        try {
            locked = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!locked) {
                throw new WxRuntimeException("timed out waiting for the access-token lock");
            }
            if (!forceRefresh && !config.isAccessTokenExpired()) {
                return config.getAccessToken();
            }
            String response = config.isStableAccessToken()
                    ? doGetStableAccessTokenRequest(forceRefresh) : doGetAccessTokenRequest();
            return extractAccessToken(response);
        } catch (IOException e) {
            throw new WxRuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxRuntimeException(e);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }
}
