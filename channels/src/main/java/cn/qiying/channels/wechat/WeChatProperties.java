package cn.qiying.channels.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeChat accounts and how callbacks are handled ({@code qiying.wechat.*}).
 *
 * @param apiBaseUrl the WeChat server API (a private gateway or, in tests, a fake)
 * @param mp         the official account
 * @param ma         the mini program
 * @param callback   limits that apply to both callbacks
 * @param apiTimeout connect and read time-out of calls to the WeChat API
 * @param mpBaseUrl  the host serving official-account QR pictures (showqrcode)
 * @param openBaseUrl the host of WeChat's OAuth authorisation page
 */
@ConfigurationProperties("qiying.wechat")
public record WeChatProperties(@DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
                               @DefaultValue Account mp,
                               @DefaultValue Account ma,
                               @DefaultValue Callback callback,
                               @DefaultValue("5s") Duration apiTimeout,
                               @DefaultValue("https://mp.weixin.qq.com") String mpBaseUrl,
                               @DefaultValue("https://open.weixin.qq.com") String openBaseUrl) {

    /**
     * One WeChat account.
     *
     * @param templates     push kind (status, rating_prompt, agent_reply, notice) → template id and its data fields
     * @param menu          the official account's menu (published by staff through {@code POST /api/wechat/menu})
     * @param sessionSecret mini program only: the HMAC key of session tokens (default: derived from the app secret)
     * @param cardPage      mini program only: the page a card's mini-program code opens (with the scene card:&lt;code&gt;)
     * @param verificationFile official account only: the domain verification file WeChat gives for OAuth pages
     *                      ({@code MP_verify_xxx.txt}), served at the root of the public address
     */
    public record Account(String appId, String secret, String token, String aesKey,
                          @DefaultValue("true") boolean stableToken,
                          Map<String, Template> templates,
                          List<MenuButton> menu,
                          String sessionSecret,
                          @DefaultValue("2h") Duration sessionTtl,
                          @DefaultValue("30") int requestsPerMinute,
                          @DefaultValue("pages/appeal/new") String cardPage,
                          String verificationFile) {

        public Account {
            if (verificationFile != null && !verificationFile.isBlank()
                    && !verificationFile.matches("MP_verify_[A-Za-z0-9]{1,64}\\.txt")) {
                throw new IllegalArgumentException("verification-file must look like MP_verify_xxx.txt, not " + verificationFile);
            }
            templates = templates == null ? Map.of() : Map.copyOf(templates);
            menu = menu == null ? List.of() : List.copyOf(menu);
        }

        public boolean configured() {
            return appId != null && !appId.isBlank();
        }
    }

    /**
     * A subscribe or template message: its id, and which push field fills which template keyword
     * (e.g. {@code character_string1: ticketNo}).
     */
    public record Template(String id, Map<String, String> data, String page) {

        public Template {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }

    /** A menu button: {@code click} carries a key, {@code view} a URL; a button with sub-buttons has neither. */
    public record MenuButton(String name, String type, String key, String url, List<MenuButton> subButtons) {

        public MenuButton {
            subButtons = subButtons == null ? List.of() : List.copyOf(subButtons);
        }
    }

    /**
     * @param replayWindow   callbacks whose timestamp is further than this from now are refused as replays
     * @param passiveBudget  how long the dialog may take for a passive reply (WeChat waits 5 s)
     * @param dedupeTtl      how long a delivered message id is remembered (WeChat retries within ~15 s)
     * @param maxBodyBytes   larger callback bodies are refused
     * @param workers        threads running the dialog for callbacks
     * @param sendAttempts   attempts of an asynchronous customer-service reply on transient errors
     * @param shutdownGrace  how long a stopping instance keeps finishing asynchronous replies before it hands the rest
     *                       back to Redis (keep it under spring.lifecycle.timeout-per-shutdown-phase and the
     *                       orchestrator's grace, e.g. Kubernetes' 30 s)
     */
    public record Callback(@DefaultValue("300s") Duration replayWindow,
                           @DefaultValue("4s") Duration passiveBudget,
                           @DefaultValue("5m") Duration dedupeTtl,
                           @DefaultValue("65536") int maxBodyBytes,
                           @DefaultValue("16") int workers,
                           @DefaultValue("3") int sendAttempts,
                           @DefaultValue("20s") Duration shutdownGrace) {
    }
}
