package cn.qiying.channels.wechat;

import java.util.Set;

import me.chanjar.weixin.common.error.WxErrorException;

import cn.qiying.handoff.notify.Messenger.Delivery;

/** Which WeChat API failures are worth retrying and which will never succeed as they are. */
public final class WeChatFailures {

    /**
     * Transient: system busy (-1), I/O and HTTP errors (WxJava reports them as -99), an access token still refused
     * after WxJava's one refresh (40001, 42001, 40014), frequency limits (45009, 45011).
     */
    private static final Set<Integer> TRANSIENT = Set.of(-1, -99, 40001, 42001, 40014, 45009, 45011);

    /** The 48-hour window closed (45015) or its customer-service message quota is spent (45047). */
    public static final Set<Integer> WINDOW_CLOSED = Set.of(45015, 45047);

    private WeChatFailures() {
    }

    public static Delivery classify(Exception failure) {
        if (failure instanceof WxErrorException wx) {
            int code = wx.getError().getErrorCode();
            String reason = "errcode " + code + ": " + wx.getError().getErrorMsg();
            return TRANSIENT.contains(code) ? Delivery.retry(reason) : Delivery.refused(reason);
        }
        // WxRuntimeException and the like: time-outs, busy after retries, token fetch failures
        return Delivery.retry(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    public static int errcode(Exception failure) {
        return failure instanceof WxErrorException wx ? wx.getError().getErrorCode() : 0;
    }
}
