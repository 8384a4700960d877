package cn.qiying.bot.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional OpenAI-compatible chat model ({@code qiying.llm.*}, e.g. Qwen or DeepSeek). Without a base URL the bot
 * answers from retrieval alone.
 *
 * @param timeout the longest a reply may wait for the model before the rule path answers (WeChat waits 5 s at most)
 */
@ConfigurationProperties("qiying.llm")
public record LlmProperties(String baseUrl, String apiKey, @DefaultValue("qwen-plus") String model,
                            @DefaultValue("3s") Duration timeout) {
}
