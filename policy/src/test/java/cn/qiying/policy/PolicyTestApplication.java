package cn.qiying.policy;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

import cn.qiying.handoff.HandoffTestApplication;

/**
 * The policy module with what it stands on: knowledge (entries, the bge model), the desk as its own tests run it
 * (tickets, staff security, a moved clock, a recording Messenger), the platform; SMS is a recording port (test-only
 * implementations of the ports, not mocks).
 */
@SpringBootApplication(scanBasePackages = {"cn.qiying.policy", "cn.qiying.knowledge"})
@EnableRedisDocumentRepositories(basePackages = "cn.qiying.knowledge")
@Import(HandoffTestApplication.class)
public class PolicyTestApplication {

    /** A Wednesday, 10:00 in Shanghai: where each test class sets the clock. */
    public static final Instant START = Instant.parse("2026-12-02T02:00:00Z");

    @Bean
    @Primary
    RecordingTextMessages recordingTextMessages() {
        return new RecordingTextMessages();
    }
}
