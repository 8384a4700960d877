package cn.qiying.platform.web;

import cn.qiying.platform.refusal.Refusal;

/** A domain refusal on its way out of a controller; {@link RefusalProblems} answers it. */
public class RefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.messageKey(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
