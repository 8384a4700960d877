package cn.qiying.bot;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

import cn.qiying.bot.card.ServiceCards;
import cn.qiying.testing.MovableClock;

/** bot-core with the real knowledge and handoff modules, as the dialog tests start it. */
@SpringBootApplication(scanBasePackages = "cn.qiying")
@EnableRedisDocumentRepositories(basePackages = "cn.qiying")
public class BotTestApplication {

    /** Monday 2026-11-23 10:00 in Shanghai: a working day, inside service hours. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T02:00:00Z");

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(MONDAY_MORNING);
    }

    /** The cards the channels module would hold; the dialog only reads them through its port. */
    @Bean
    ServiceCards serviceCards() {
        Map<String, ServiceCards.ServiceCard> cards = Map.of("JN0001",
                new ServiceCards.ServiceCard("JN0001", "历下区政务服务中心", "scjg", "历下区"));
        return code -> Optional.ofNullable(cards.get(code));
    }
}
