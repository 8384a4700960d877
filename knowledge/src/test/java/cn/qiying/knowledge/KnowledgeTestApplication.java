package cn.qiying.knowledge;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;
import cn.qiying.testing.MovableClock;

/** The knowledge module alone, as its tests start it (one context for all tests: the model loads once). */
@SpringBootApplication(scanBasePackages = {"cn.qiying.knowledge", "cn.qiying.platform"})
@EnableRedisDocumentRepositories(basePackages = "cn.qiying.knowledge")
public class KnowledgeTestApplication {

    /** Where the tests' clock starts. */
    public static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(START);
    }
}
