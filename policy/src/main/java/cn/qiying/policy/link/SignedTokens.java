package cn.qiying.policy.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.PolicyProperties;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Signed, expiring tokens that stand for a WeChat user in the hall's links and cookie (no login, no server session):
 * {@code base64url(v1|kind|userKey|policy|expires)} + "." + a truncated HMAC-SHA256. The secret is
 * {@code qiying.policy.hall.link-secret}, or one generated once and shared by all instances at
 * {@code qiying:policy-hall:secret}.
 */
@Component
public class SignedTokens {

    /** A link's kind: a way into the hall (from the chat or a card), or a pushed policy (its click is counted). */
    public enum Kind { ENTRY, PUSH }

    /** What a valid token says. {@code policy} is null for an entry. */
    public record Claims(Kind kind, String userKey, String policy, Instant expires) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    static final int MAX_TOKEN = 400;

    private final byte[] secret;
    private final Clock clock;

    SignedTokens(PolicyProperties properties, UnifiedJedis redis, Clock clock) {
        this.clock = clock;
        String configured = properties.hall().linkSecret();
        if (configured != null && !configured.isBlank()) {
            this.secret = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            String key = Keys.of("policy-hall", "secret");
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            redis.set(key, HexFormat.of().formatHex(fresh), SetParams.setParams().nx());
            this.secret = HexFormat.of().parseHex(redis.get(key));
        }
    }

    public String issue(Kind kind, String userKey, String policy, Duration ttl) {
        if (userKey.contains("|") || (policy != null && policy.contains("|"))) {
            throw new IllegalArgumentException("a token field holds the separator");
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = String.join("|", "v1", kind.name(), userKey, policy == null ? "" : policy, Long.toString(expires));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The claims of a well-signed, unexpired token; empty for anything else. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = B64D.decode(token.substring(0, dot));
            byte[] given = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) {
                return Optional.empty();
            }
            String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 5 || !"v1".equals(f[0])) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(f[4]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(Kind.valueOf(f[1]), f[2], f[3].isEmpty() ? null : f[3], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, not a number, not a kind
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(payload);
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
