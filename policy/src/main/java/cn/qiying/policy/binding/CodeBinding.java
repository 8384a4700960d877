package cn.qiying.policy.binding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.platform.privacy.PersonalData;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.time.ClockConfiguration;
import cn.qiying.policy.PolicyProperties;
import cn.qiying.policy.Wording;
import cn.qiying.policy.enterprise.Contact;
import cn.qiying.policy.enterprise.Enterprise;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Binding a WeChat user to an enterprise by a one-time code: the user gives the credit code, a six-digit code goes by
 * SMS to the first mobile among the profile's contacts, and the user enters it. Sending is limited (one per
 * {@code resend-after}, {@code codes-per-day} per user and per enterprise); a code allows five tries and lives
 * {@code code-ttl}; after {@code free-failures} wrong codes each further one doubles a wait (from one minute up to
 * {@code max-back-off}). Keys (all expiring): {@code qiying:binding-code:<userKey>} (hash: uscc, digest, tries),
 * {@code qiying:binding-wait:<userKey>}, {@code qiying:binding-sent:<userKey|uscc>:<day>},
 * {@code qiying:binding-failures:<userKey>}, {@code qiying:binding-lock:<userKey>}.
 */
@Service
public class CodeBinding {

    static final int TRIES_PER_CODE = 5;
    private static final Logger log = LoggerFactory.getLogger(CodeBinding.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** How a request for a code ended; {@code phone} is the masked number it went to, {@code retryAfter} how long to wait. */
    public record Sent(Outcome outcome, String phone, Duration retryAfter) {
    }

    public enum Outcome {
        SENT, INVALID_USCC, NO_PROFILE, NO_MOBILE, TOO_SOON, TOO_MANY_TODAY, LOCKED, SMS_FAILED,
        BOUND, WRONG_CODE, NO_CODE, ENTERPRISE_FULL
    }

    /** How entering a code ended; {@code triesLeft} before the code is void, {@code retryAfter} when locked. */
    public record Checked(Outcome outcome, int triesLeft, Duration retryAfter) {
    }

    private final UnifiedJedis redis;
    private final EnterpriseProfiles profiles;
    private final Bindings bindings;
    private final TextMessages sms;
    private final Wording wording;
    private final PolicyProperties.Binding settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CodeBinding(UnifiedJedis redis, EnterpriseProfiles profiles, Bindings bindings, TextMessages sms, Wording wording,
                PolicyProperties properties, Clock clock) {
        this.redis = redis;
        this.profiles = profiles;
        this.bindings = bindings;
        this.sms = sms;
        this.wording = wording;
        this.settings = properties.binding();
        this.clock = clock;
    }

    /** Sends a code for binding {@code userKey} to the enterprise, if the limits allow. */
    public Sent requestCode(String userKey, String uscc) {
        String code = uscc == null ? "" : uscc.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CreditCode.valid(code)) {
            return new Sent(Outcome.INVALID_USCC, null, null);
        }
        Duration locked = lockLeft(userKey);
        if (locked != null) {
            return new Sent(Outcome.LOCKED, null, locked);
        }
        Optional<Enterprise> profile = profiles.find(code);
        if (profile.isEmpty()) {
            return new Sent(Outcome.NO_PROFILE, null, null);
        }
        Optional<Contact> mobile = profile.get().contacts().stream().filter(Contact::mobile).findFirst();
        if (mobile.isEmpty()) {
            return new Sent(Outcome.NO_MOBILE, null, null);
        }
        String wait = Keys.of("binding-wait", userKey);
        Duration tooSoon = left(wait);
        if (tooSoon != null) {
            return new Sent(Outcome.TOO_SOON, null, tooSoon);
        }
        block(wait, settings.resendAfter());
        String day = DAY.format(LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI)));
        if (count(Keys.of("binding-sent", userKey, day)) > settings.codesPerDay()
                || count(Keys.of("binding-sent", code, day)) > settings.codesPerDay() * 2L) {
            return new Sent(Outcome.TOO_MANY_TODAY, null, null);
        }
        String oneTime = String.format("%06d", random.nextInt(1_000_000));
        String key = Keys.of("binding-code", userKey);
        redis.del(key);
        redis.hset(key, Map.of("uscc", code, "digest", digest(userKey, code, oneTime), "tries", "0",
                "until", Long.toString(clock.millis() + settings.codeTtl().toMillis())));
        redis.pexpire(key, settings.codeTtl().toMillis());
        String phone = mobile.get().phone();
        TextMessages.Sent sent = sms.send(phone, wording.text("policy.binding.sms", oneTime, settings.codeTtl().toMinutes()));
        if (!sent.sent()) {
            redis.del(key);
            redis.del(wait);
            return new Sent(Outcome.SMS_FAILED, null, null);
        }
        log.info("binding code for {} sent to {}", PersonalData.maskText(code), PersonalData.maskText(phone));
        return new Sent(Outcome.SENT, PersonalData.maskText(phone), settings.codeTtl());
    }

    /** Checks the code the user entered; binds them when it is the one sent. */
    public Checked confirm(String userKey, String uscc, String entered) {
        Duration locked = lockLeft(userKey);
        if (locked != null) {
            return new Checked(Outcome.LOCKED, 0, locked);
        }
        String code = uscc == null ? "" : uscc.strip().toUpperCase(java.util.Locale.ROOT);
        String key = Keys.of("binding-code", userKey);
        Map<String, String> stored = redis.hgetAll(key);
        if (stored.isEmpty() || !code.equals(stored.get("uscc")) || Long.parseLong(stored.getOrDefault("until", "0")) <= clock.millis()) {
            return fail(userKey, Outcome.NO_CODE, 0);
        }
        String given = entered == null ? "" : entered.strip();
        boolean right = given.matches("[0-9]{6}") && MessageDigest.isEqual(
                digest(userKey, code, given).getBytes(StandardCharsets.UTF_8), stored.get("digest").getBytes(StandardCharsets.UTF_8));
        if (!right) {
            long tries = redis.hincrBy(key, "tries", 1);
            if (tries >= TRIES_PER_CODE) {
                redis.del(key);
            }
            return fail(userKey, Outcome.WRONG_CODE, (int) Math.max(0, TRIES_PER_CODE - tries));
        }
        redis.del(key, Keys.of("binding-failures", userKey));
        if (!bindings.bind(userKey, code, Binding.BY_CODE, null, clock.instant())) {
            return new Checked(Outcome.ENTERPRISE_FULL, 0, null);
        }
        log.info("user bound to {} by one-time code", PersonalData.maskText(code));
        return new Checked(Outcome.BOUND, 0, null);
    }

    /** A failure counts towards the back-off: past the free ones, each doubles the wait (1, 2, 4 … minutes). */
    private Checked fail(String userKey, Outcome outcome, int triesLeft) {
        String failures = Keys.of("binding-failures", userKey);
        long n = count(failures);
        long over = n - settings.freeFailures();
        if (over > 0) {
            long minutes = 1L << Math.min(over - 1, 20);
            Duration wait = Duration.ofMinutes(minutes).compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : Duration.ofMinutes(minutes);
            block(Keys.of("binding-lock", userKey), wait);
            redis.pexpire(failures, Math.max(settings.maxBackOff().toMillis(), Duration.ofDays(1).toMillis()));
            return new Checked(Outcome.LOCKED, 0, wait);
        }
        return new Checked(outcome, triesLeft, null);
    }

    private Duration lockLeft(String userKey) {
        return left(Keys.of("binding-lock", userKey));
    }

    /** A wait kept as the instant it ends (on the one clock), the key expiring with it. */
    private void block(String key, Duration wait) {
        redis.set(key, Long.toString(clock.millis() + wait.toMillis()), SetParams.setParams().px(wait.toMillis()));
    }

    /** What is left of a wait, or null when there is none. */
    private Duration left(String key) {
        String until = redis.get(key);
        long ms = until == null ? 0 : Long.parseLong(until) - clock.millis();
        return ms > 0 ? Duration.ofMillis(ms) : null;
    }

    /** INCR with a day's expiry set on the first count. */
    private long count(String key) {
        long n = redis.incr(key);
        if (n == 1) {
            redis.expire(key, Duration.ofDays(2).toSeconds());
        }
        return n;
    }

    private static String digest(String userKey, String uscc, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("|", userKey, uscc, code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
