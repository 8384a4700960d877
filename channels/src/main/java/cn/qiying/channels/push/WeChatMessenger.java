package cn.qiying.channels.push;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.channels.wechat.LocalRecipients;
import cn.qiying.channels.wechat.CustomerServiceMessages;
import cn.qiying.channels.wechat.WeChatFailures;
import cn.qiying.channels.wechat.WeChatProperties.Template;
import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;
import cn.qiying.platform.redis.Keys;

/**
 * Delivers handoff's pushes on WeChat. Official account: a template message when one is configured for the push's
 * kind, else (or when WeChat refuses it) a customer-service text inside the 48-hour window. Mini program: a subscribe
 * message (43101 = the user has no subscription left), falling back to a customer-service text.
 * <p>Idempotent by push id: a delivered id is remembered ({@code qiying:push:delivered:<id>}, 30 days) and a
 * delivery in progress holds {@code qiying:push:sending:<id>}, so a retry beside its original never sends twice.
 */
@Component
public class WeChatMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(WeChatMessenger.class);
    private static final Duration REMEMBER = Duration.ofDays(30);
    private static final Duration IN_PROGRESS = Duration.ofSeconds(60);

    private final UnifiedJedis redis;
    private final WxMpService mp;
    private final WxMaService ma;
    private final CustomerServiceMessages customerService;
    private final WeChatProperties properties;
    private final Clock clock;
    private final MessageSource messages;
    private final LocalRecipients local;

    public WeChatMessenger(UnifiedJedis redis, WxMpService mp, WxMaService ma, CustomerServiceMessages customerService,
                           WeChatProperties properties, Clock clock, MessageSource messages, LocalRecipients local) {
        this.messages = messages;
        this.local = local;
        this.redis = redis;
        this.mp = mp;
        this.ma = ma;
        this.customerService = customerService;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Delivery deliver(Push push) {
        if (push.id() == null || push.id().isBlank()) {
            return Delivery.refused("a push without an id cannot be delivered idempotently");
        }
        if (redis.exists(delivered(push.id()))) {
            return Delivery.sent();
        }
        if (!"OK".equals(redis.set(sending(push.id()), clock.instant().toString(),
                SetParams.setParams().nx().ex(IN_PROGRESS.toSeconds())))) {
            return Delivery.retry("another delivery of this push is in progress");
        }
        try {
            Delivery delivery = switch (String.valueOf(push.channel())) {
                case "mp" -> officialAccount(push);
                case "ma" -> miniProgram(push);
                default -> Delivery.refused("channel " + push.channel() + " has no WeChat push");
            };
            if (delivery.outcome() == Delivery.Outcome.SENT) {
                redis.set(delivered(push.id()), clock.instant().toString(), SetParams.setParams().ex(REMEMBER.toSeconds()));
            } else {
                log.info("push {} ({}) on {}: {} {}", push.id(), push.kind(), push.channel(), delivery.outcome(), delivery.reason());
            }
            return delivery;
        } finally {
            redis.del(sending(push.id()));
        }
    }

    private Delivery officialAccount(Push push) {
        // a simulator user (demo mode) has no WeChat: customer-service messages reach the simulator's outbox
        Template template = local.accepts(push.openId())
                || !properties.mp().configured() ? null : template(properties.mp(), push);
        if (template != null) {
            try {
                WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(push.openId())
                        .templateId(template.id()).url(template.page()).build();
                TemplateData.of(template, push).forEach((k, v) -> message.addData(new WxMpTemplateData(k, v)));
                mp.getTemplateMsgService().sendTemplateMsg(message);
                return Delivery.sent();
            } catch (Exception e) {
                Delivery failed = WeChatFailures.classify(e);
                if (failed.outcome() == Delivery.Outcome.RETRY) {
                    return failed;
                }
                log.info("template message refused ({}), trying a customer-service message", failed.reason());
            }
        }
        return customerService.send("mp", push.openId(), PushText.of(push, messages));
    }

    private Delivery miniProgram(Push push) {
        Template template = properties.ma().configured() ? template(properties.ma(), push) : null;
        Delivery subscribe = null;
        if (template != null) {
            try {
                WxMaSubscribeMessage message = new WxMaSubscribeMessage().setToUser(push.openId())
                        .setTemplateId(template.id()).setPage(template.page());
                TemplateData.of(template, push).forEach((k, v) -> message.addData(new WxMaSubscribeMessage.MsgData(k, v)));
                ma.getMsgService().sendSubscribeMsg(message);
                return Delivery.sent();
            } catch (Exception e) {
                subscribe = WeChatFailures.classify(e);
                if (subscribe.outcome() == Delivery.Outcome.RETRY) {
                    return subscribe;
                }
                if (WeChatFailures.errcode(e) == 43101) {
                    subscribe = Delivery.refused("the user has no subscription left (43101)");
                }
            }
        }
        Delivery fallback = customerService.send("ma", push.openId(), PushText.of(push, messages));
        if (fallback.outcome() == Delivery.Outcome.REFUSED && subscribe != null) {
            return Delivery.refused(subscribe.reason() + "; customer-service message: " + fallback.reason());
        }
        return fallback;
    }

    private static Template template(WeChatProperties.Account account, Push push) {
        if (push.kind() == null) {
            return null;
        }
        Template template = account.templates().get(push.kind().name().toLowerCase(Locale.ROOT));
        return template == null || template.id() == null || template.id().isBlank() ? null : template;
    }

    private static String delivered(String id) {
        return Keys.of("push", "delivered", id);
    }

    private static String sending(String id) {
        return Keys.of("push", "sending", id);
    }
}
