package cn.qiying.handoff.notify;

/** The port through which handoff talks to users; the channels module implements it for WeChat. */
public interface Messenger {

    /** Delivers one push or says why it could not; must be idempotent by {@link Push#id()}. */
    Delivery deliver(Push push);

    /** The outcome of one delivery attempt. */
    record Delivery(Outcome outcome, String reason) {

        public enum Outcome {
            /** delivered (or delivered before: same push id) */
            SENT,
            /** a transient failure (HTTP 5xx, timeout, errcode -1): retry later */
            RETRY,
            /** will never succeed as is (user refused the subscription, 48-hour window closed): record, don't retry */
            REFUSED
        }

        public static Delivery sent() {
            return new Delivery(Outcome.SENT, null);
        }

        public static Delivery retry(String reason) {
            return new Delivery(Outcome.RETRY, reason);
        }

        public static Delivery refused(String reason) {
            return new Delivery(Outcome.REFUSED, reason);
        }
    }
}
