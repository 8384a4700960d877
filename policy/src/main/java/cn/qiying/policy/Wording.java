package cn.qiying.policy;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The policy module's sentences, from {@code messages/policy.properties}. */
@Component
public class Wording {

    private final MessageSource messages;

    Wording(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
