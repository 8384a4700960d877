package cn.qiying.policy.push;

import java.util.Map;

/**
 * What one push run did (CONTRACT.md's {@code {"matched", "sent", "skipped"}}): {@code matched} enterprises;
 * {@code sent} messages delivered; {@code skipped} each enterprise with no bound user or pushed before, and each bound
 * user not sent to, counted by reason; {@code retrying} messages that failed for a passing reason and are tried again.
 */
public record PushReport(long matched, long sent, long skipped, Map<Reason, Long> reasons, long retrying) {

    /** Why an enterprise or a user was skipped. */
    public enum Reason {
        NO_BOUND_USER, ALREADY_PUSHED, PAUSED, NOT_SUBSCRIBED, WEEKLY_CAP, REFUSED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
