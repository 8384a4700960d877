package cn.qiying.platform.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing-module or unreachable-Redis start-up failure into one clear line instead of a stack trace. */
class RedisStartupFailureAnalyzer extends AbstractFailureAnalyzer<RedisModulesMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisModulesMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start a Redis 8 or Redis Stack 7.4 server (scripts/redis-stack.sh start) and point spring.data.redis.url at it,"
                        + " or spring.data.redis.sentinel.master and .nodes at the Sentinels that watch it.",
                cause);
    }
}
