package cn.qiying.channels.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;

/**
 * WxJava clients for the official account and the mini program (its Spring Boot starters do not support Boot 4),
 * pointed at {@code qiying.wechat.api-base-url}, with access tokens shared through Redis and the stable-token API.
 * WxJava's own retries with sleeps are off: callers decide (a push is retried by the outbound queue).
 */
@Configuration
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatClients {

    private static final Logger log = LoggerFactory.getLogger(WeChatClients.class);

    WeChatClients(WeChatProperties properties) {
        // WxJava builds every client from one shared builder, prepared once: set its time-outs before the first client
        int millis = (int) properties.apiTimeout().toMillis();
        DefaultApacheHttpClientBuilder.get().setSoTimeout(millis);
        DefaultApacheHttpClientBuilder.get().setConnectionTimeout(millis);
    }

    @Bean
    WxMpService wxMpService(WeChatProperties properties, SharedAccessTokens tokens) {
        WeChatProperties.Account mp = properties.mp();
        SharedTokenMpConfig config = new SharedTokenMpConfig(tokens, appId(mp, "mp"));
        config.setSecret(mp.secret());
        config.setToken(mp.token());
        config.setAesKey(mp.aesKey());
        config.setUseStableAccessToken(mp.stableToken());
        config.setHostConfig(new WxMpHostConfig(apiBase(properties), trim(properties.openBaseUrl()), trim(properties.mpBaseUrl())));
        WxMpServiceImpl service = new SharedTokenMpService();
        service.setWxMpConfigStorage(config);
        service.setMaxRetryTimes(0);
        return service;
    }

    @Bean
    WxMaService wxMaService(WeChatProperties properties, SharedAccessTokens tokens) {
        WeChatProperties.Account ma = properties.ma();
        SharedTokenMaConfig config = new SharedTokenMaConfig(tokens, appId(ma, "ma"));
        config.setSecret(ma.secret());
        config.setToken(ma.token());
        config.setAesKey(ma.aesKey());
        config.useStableAccessToken(ma.stableToken());
        config.setApiHostUrl(apiBase(properties));
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(0);
        return service;
    }

    /** WxJava refuses a null appid; an account left unconfigured gets a placeholder and is never called. */
    private static String appId(WeChatProperties.Account account, String channel) {
        if (account.configured()) {
            return account.appId();
        }
        log.info("qiying.wechat.{}.app-id is not set: the {} channel is off", channel, channel);
        return "unconfigured-" + channel;
    }

    private static String apiBase(WeChatProperties properties) {
        return trim(properties.apiBaseUrl());
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
