package cn.qiying.bot.llm;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.qiying.bot.state.Suggestion;
import cn.qiying.bot.text.Phrases;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;

/**
 * Phrases the answer to the user's own question from the one retrieved entry, and from nothing else. Any failure,
 * refusal or slowness gives empty, and the entry's own answer is sent; the source is always added by the caller.
 */
public class GroundedPhrasing {

    private static final Logger log = LoggerFactory.getLogger(GroundedPhrasing.class);
    private static final String REFUSAL = "NONE";
    private static final int MAX_LENGTH = 1500;

    private final ChatModel model;
    private final Phrases phrases;

    GroundedPhrasing(ChatModel model, Phrases phrases) {
        this.model = model;
        this.phrases = phrases;
    }

    public Optional<String> phrase(String question, Suggestion entry) {
        try {
            String text = model.chat(SystemMessage.from(phrases.get("llm.system")),
                    UserMessage.from(phrases.get("llm.user", question, entry.question(), entry.answer()))).aiMessage().text();
            if (text == null || text.isBlank() || text.strip().startsWith(REFUSAL) || text.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(text.strip());
        } catch (RuntimeException e) {
            log.warn("The language model did not answer ({}); the retrieved answer is sent as it is", e.toString());
            return Optional.empty();
        }
    }
}
