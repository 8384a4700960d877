package cn.qiying.policy.binding;

import java.time.Instant;

/**
 * A WeChat user bound to an enterprise, verified by a one-time code sent to a contact phone on file ({@code code}) or
 * confirmed by a staff user ({@code staff}, with who).
 */
public record Binding(String userKey, String uscc, String via, String by, Instant at) {

    public static final String BY_CODE = "code";
    public static final String BY_STAFF = "staff";
}
