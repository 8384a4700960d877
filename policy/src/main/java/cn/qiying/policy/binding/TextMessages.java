package cn.qiying.policy.binding;

/**
 * The port through which one-time codes reach a phone (SMS). The demo's adapter only logs (phone masked); where
 * {@code qiying.policy.sms.webhook-url} is set, a provider or gateway gets each message over HTTP.
 */
public interface TextMessages {

    /** Sends one message; says whether it left (a provider's refusal or an outage is {@code sent = false}). */
    Sent send(String phone, String text);

    record Sent(boolean sent, String reason) {

        public static Sent ok() {
            return new Sent(true, null);
        }

        public static Sent failed(String reason) {
            return new Sent(false, reason);
        }
    }
}
