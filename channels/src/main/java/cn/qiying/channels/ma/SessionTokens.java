package cn.qiying.channels.ma;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.channels.wechat.WeChatProperties;

/**
 * Mini-program session tokens: {@code base64url(openId|expiry).base64url(HMAC-SHA256)}, bound to the openid and
 * expiring after {@code qiying.wechat.ma.session-ttl}. Stateless, so any instance can check them. The key is
 * {@code qiying.wechat.ma.session-secret}, else derived from the app secret.
 */
@Component
public class SessionTokens {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;

    public SessionTokens(WeChatProperties properties, Clock clock) {
        this.key = key(properties.ma());
        this.ttl = properties.ma().sessionTtl();
        this.clock = clock;
    }

    public record Session(String token, Instant expiresAt) {
    }

    public Session issue(String openId) {
        return issue(openId, clock.instant().plus(ttl));
    }

    Session issue(String openId, Instant expiresAt) {
        String payload = openId + "|" + expiresAt.getEpochSecond();
        String token = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
        return new Session(token, expiresAt);
    }

    /** The openid the token was issued to, if it is genuine and not expired. */
    public Optional<String> openId(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        byte[] given;
        try {
            payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            given = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        int bar = payload.lastIndexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        try {
            long expires = Long.parseLong(payload.substring(bar + 1));
            if (clock.instant().getEpochSecond() >= expires) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(payload.substring(0, bar));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(WeChatProperties.Account ma) {
        try {
            if (ma.sessionSecret() != null && !ma.sessionSecret().isBlank()) {
                return ma.sessionSecret().getBytes(StandardCharsets.UTF_8);
            }
            if (ma.secret() != null && !ma.secret().isBlank()) {
                return MessageDigest.getInstance("SHA-256").digest(("qiying-ma-session:" + ma.secret()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        log.warn("neither qiying.wechat.ma.session-secret nor the mini program's secret is set: session tokens use a "
                + "random key and do not survive a restart or work across instances");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
