package cn.qiying.channels.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaKefuMessage;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.platform.privacy.PersonalData;

/**
 * Sends a text as a customer-service message on the official account ("mp") or the mini program ("ma").
 * WeChat allows these only within 48 hours of the user's last message, at most 5 per user message
 * (errors 45015, 45047: {@link Delivery.Outcome#REFUSED}).
 */
@Component
public class CustomerServiceMessages {

    private static final Logger log = LoggerFactory.getLogger(CustomerServiceMessages.class);

    private final WxMpService mp;
    private final WxMaService ma;
    private final LocalRecipients local;
    private final ReplyWindow window;

    private final WeChatProperties properties;

    public CustomerServiceMessages(WxMpService mp, WxMaService ma, LocalRecipients local, ReplyWindow window,
                                   WeChatProperties properties) {
        this.properties = properties;
        this.mp = mp;
        this.ma = ma;
        this.local = local;
        this.window = window;
    }

    public Delivery send(String channel, String openId, String text) {
        if (local.accepts(openId)) {
            local.deliver(openId, text);
            return Delivery.sent();
        }
        WeChatProperties.Account account = "mp".equals(channel) ? properties.mp() : "ma".equals(channel) ? properties.ma() : null;
        if (account == null || !account.configured()) {
            return Delivery.refused("channel " + channel + " is not configured");
        }
        if (!window.take(channel, openId)) {
            return Delivery.refused("the 48-hour customer-service window is closed or its 5 messages are spent");
        }
        try {
            switch (channel) {
                case "mp" -> mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build());
                case "ma" -> ma.getMsgService().sendKefuMsg(WxMaKefuMessage.newTextBuilder().toUser(openId).content(text).build());
                default -> {
                    return Delivery.refused("no customer-service messages on channel " + channel);
                }
            }
            return Delivery.sent();
        } catch (Exception e) {
            Delivery outcome = WeChatFailures.classify(e);
            if (WeChatFailures.WINDOW_CLOSED.contains(WeChatFailures.errcode(e))) {
                window.closed(channel, openId);
            } else {
                window.giveBack(channel, openId);
            }
            log.warn("customer-service message to {} on {} not sent: {}", PersonalData.maskText(openId), channel, outcome.reason());
            return outcome;
        }
    }
}
