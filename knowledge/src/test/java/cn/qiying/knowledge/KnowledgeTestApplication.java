package cn.qiying.knowledge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

/** The knowledge module alone, as its tests start it (one context for all tests: the model loads once). */
@SpringBootApplication(scanBasePackages = {"cn.qiying.knowledge", "cn.qiying.platform"})
@EnableRedisDocumentRepositories(basePackages = "cn.qiying.knowledge")
public class KnowledgeTestApplication {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
