package cn.qiying.bot.text;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The bot's Chinese wording, from {@code messages/bot.properties}. */
@Component
public class Phrases {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    public Phrases(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }
}
