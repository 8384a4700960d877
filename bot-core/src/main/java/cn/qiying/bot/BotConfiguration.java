package cn.qiying.bot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qiying.bot.intake.SlotExtractor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotProperties.class)
class BotConfiguration {

    @Bean
    SlotExtractor slotExtractor(BotProperties properties) {
        return new SlotExtractor(properties.districts(), properties.minDescriptionLength());
    }
}
