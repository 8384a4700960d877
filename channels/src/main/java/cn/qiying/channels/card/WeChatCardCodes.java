package cn.qiying.channels.card;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import redis.clients.jedis.UnifiedJedis;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.redis.Keys;

/**
 * A card's codes inside WeChat: the official account's permanent parametric QR code (QR_LIMIT_STR_SCENE, scene
 * {@code card:<code>}; scanning it follows the account and reports the scene) and the mini program's unlimited code
 * (same scene, at most 32 characters). Permanent tickets are limited in number, so each card's is kept
 * ({@code qiying:card:mp-ticket:<code>}).
 */
@Component
public class WeChatCardCodes {

    private static final int MAX_SCENE = 32;

    private final WxMpService mp;
    private final WxMaService ma;
    private final WeChatProperties properties;
    private final UnifiedJedis redis;

    public WeChatCardCodes(WxMpService mp, WxMaService ma, WeChatProperties properties, UnifiedJedis redis) {
        this.mp = mp;
        this.ma = ma;
        this.properties = properties;
        this.redis = redis;
    }

    public static String scene(String code) {
        return "card:" + code;
    }

    public boolean officialAccountConfigured() {
        return properties.mp().configured() && properties.mp().secret() != null;
    }

    public boolean miniProgramConfigured() {
        return properties.ma().configured() && properties.ma().secret() != null;
    }

    public byte[] officialAccountQr(String code) throws WxErrorException {
        String key = Keys.of("card", "mp-ticket", code);
        String ticket = redis.get(key);
        if (ticket == null) {
            ticket = mp.getQrcodeService().qrCodeCreateLastTicket(scene(code)).getTicket();
            redis.set(key, ticket);
        }
        WxMpQrCodeTicket qr = new WxMpQrCodeTicket();
        qr.setTicket(ticket);
        return readAndDelete(mp.getQrcodeService().qrCodePicture(qr));
    }

    public byte[] miniProgramCode(String code) throws WxErrorException {
        String scene = scene(code);
        if (scene.length() > MAX_SCENE) {
            throw new IllegalArgumentException("the card code is too long for a mini-program scene");
        }
        return ma.getQrcodeService().createWxaCodeUnlimitBytes(scene, properties.ma().cardPage(), false, "release", 430,
                false, null, false);
    }

    private static byte[] readAndDelete(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.delete();
        }
    }
}
