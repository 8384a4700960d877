package cn.qiying.channels.card;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

import cn.qiying.channels.wechat.WeChatProperties;

/**
 * Inside WeChat the landing page learns the visitor's official-account openid silently (OAuth {@code snsapi_base}),
 * so the ticket's status pushes reach them in the chat.
 */
@Component
public class WeChatVisitor {

    public static final String STATE = "card";
    private static final Logger log = LoggerFactory.getLogger(WeChatVisitor.class);

    private final WxMpService mp;
    private final WeChatProperties properties;

    public WeChatVisitor(WxMpService mp, WeChatProperties properties) {
        this.mp = mp;
        this.properties = properties;
    }

    /** Whether this browser is WeChat's and the official account can identify its user. */
    public boolean canIdentify(String userAgent) {
        return userAgent != null && userAgent.contains("MicroMessenger") && properties.mp().configured()
                && properties.mp().secret() != null;
    }

    public String authorizationUrl(String returnTo) {
        return mp.getOAuth2Service().buildAuthorizationUrl(returnTo, "snsapi_base", STATE);
    }

    public String appId() {
        return properties.mp().appId();
    }

    /** The openid behind an OAuth code, or empty when WeChat refuses it. */
    public Optional<String> openId(String code) {
        try {
            WxOAuth2AccessToken token = mp.getOAuth2Service().getAccessToken(code);
            return Optional.ofNullable(token.getOpenId()).filter(id -> !id.isBlank());
        } catch (WxErrorException e) {
            log.info("WeChat refused an OAuth code: {}", e.getError().getErrorCode());
            return Optional.empty();
        }
    }
}
