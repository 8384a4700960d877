package cn.qiying.bot.llm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qiying.bot.text.Phrases;
import dev.langchain4j.model.openai.OpenAiChatModel;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "qiying.llm", name = "base-url")
    GroundedPhrasing groundedPhrasing(LlmProperties properties, Phrases phrases) {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey())
                .modelName(properties.model())
                .timeout(properties.timeout())
                .maxRetries(0) // a retry would outlast the reply window; the rule path answers instead
                .temperature(0.2)
                .build();
        return new GroundedPhrasing(model, phrases);
    }
}
