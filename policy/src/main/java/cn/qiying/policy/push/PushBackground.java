package cn.qiying.policy.push;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Retries failed policy pushes every {@code qiying.policy.push.retry-interval} (10 s); off with {@code qiying.policy.background=false}. */
@Configuration
@ConditionalOnProperty(name = "qiying.policy.background", havingValue = "true", matchIfMissing = true)
class PushBackground {

    private final PushRetries retries;

    PushBackground(PushRetries retries) {
        this.retries = retries;
    }

    @Scheduled(fixedDelayString = "${qiying.policy.push.retry-interval:PT10S}")
    void retry() {
        retries.retryDue();
    }
}
