package cn.qiying.policy.hall;

import java.util.Optional;

/**
 * Optional port: inside WeChat the hall learns who a visitor without a link is by the official account's silent
 * OAuth ({@code snsapi_base}), as the card form does; the channels module implements it (no bean: links only).
 */
public interface WeChatSignIn {

    /** Whether this browser is WeChat's and the account can identify its user. */
    boolean canIdentify(String userAgent);

    /** Where to send the browser so WeChat returns it to {@code returnTo} with a code and {@code state=hall}. */
    String authorizationUrl(String returnTo);

    /** The visitor's user key ({@code mp:appId:openId}) behind an OAuth code, or empty. */
    Optional<String> userKey(String code);
}
