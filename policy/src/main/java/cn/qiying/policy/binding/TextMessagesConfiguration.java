package cn.qiying.policy.binding;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qiying.policy.PolicyProperties;

/** The SMS adapter: the HTTP provider where one is configured, else the log (demo); a deployment may declare its own. */
@Configuration
class TextMessagesConfiguration {

    @Bean
    @ConditionalOnMissingBean(TextMessages.class)
    TextMessages textMessages(PolicyProperties properties) {
        return properties.sms().configured() ? new WebhookTextMessages(properties.sms()) : new LoggedTextMessages();
    }
}
