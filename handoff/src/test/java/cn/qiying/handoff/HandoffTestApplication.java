package cn.qiying.handoff;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.qiying.testing.MovableClock;

/** The handoff module on its own, with a clock the tests move. */
@SpringBootApplication(scanBasePackages = {"cn.qiying.handoff", "cn.qiying.platform.web"})
public class HandoffTestApplication {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.parse("2026-09-30T07:00:00Z"));
    }

    @Bean
    RecordingMessenger recordingMessenger() {
        return new RecordingMessenger();
    }
}
