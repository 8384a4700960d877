package cn.qiying.channels.callback;

import cn.qiying.channels.wechat.WeChatProperties;

/**
 * The account a callback URL serves.
 *
 * @param channel  "mp" or "ma"
 * @param passive  whether WeChat accepts a reply in the HTTP response (official account only)
 */
public record CallbackAccount(String channel, String appId, String token, String aesKey, boolean passive) {

    public static CallbackAccount officialAccount(WeChatProperties properties) {
        WeChatProperties.Account mp = properties.mp();
        return new CallbackAccount("mp", mp.appId(), mp.token(), mp.aesKey(), true);
    }

    public static CallbackAccount miniProgram(WeChatProperties properties) {
        WeChatProperties.Account ma = properties.ma();
        return new CallbackAccount("ma", ma.appId(), ma.token(), ma.aesKey(), false);
    }
}
