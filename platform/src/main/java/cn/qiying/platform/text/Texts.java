package cn.qiying.platform.text;

import org.springframework.context.MessageSource;

import cn.qiying.platform.refusal.Refusal;

/** Sentences from the bundles, in Chinese: by key, or the sentence a refusal stands for. */
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence, or the key itself when the bundles lack it (a test of the bundles catches that). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, MessageBundles.CHINESE);
    }

    public String text(Refusal refusal) {
        if (refusal instanceof Refusal.Several several) {
            return String.join(text("refusal.separator"), several.each().stream().map(this::text).toList());
        }
        return text(refusal.messageKey(), refusal.arguments().toArray());
    }
}
