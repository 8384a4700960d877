package cn.qiying.policy.binding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.qiying.platform.privacy.PersonalData;

/** Demo mode (no SMS provider configured): the message is written to the log, the phone masked. */
final class LoggedTextMessages implements TextMessages {

    private static final Logger log = LoggerFactory.getLogger(LoggedTextMessages.class);

    LoggedTextMessages() {
        log.warn("no SMS provider (qiying.policy.sms.webhook-url): one-time binding codes are only written to this log");
    }

    @Override
    public Sent send(String phone, String text) {
        log.info("text message to {}: {}", PersonalData.maskText(phone), text);
        return Sent.ok();
    }
}
