package cn.qiying.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
class RedisLockTest {

    @Test
    void oneHolderAtATimeAndOnlyTheHolderReleases() throws Exception {
        try (UnifiedJedis redis = new UnifiedJedis(RealRedis.url())) {
            RedisLock first = new RedisLock(redis, "qiying:lock:test", Duration.ofSeconds(5));
            RedisLock second = new RedisLock(redis, "qiying:lock:test", Duration.ofSeconds(5));
            assertThat(first.tryLock()).isTrue();
            assertThat(second.tryLock()).isFalse();
            second.unlock(); // not the owner: the first keeps it
            assertThat(redis.exists("qiying:lock:test")).isTrue();
            first.unlock();
            assertThat(second.tryLock(1, TimeUnit.SECONDS)).isTrue();
            second.unlock();
            assertThat(redis.exists("qiying:lock:test")).isFalse();
        }
    }

    @Test
    void theLeaseFreesALockWhoseHolderVanished() throws Exception {
        try (UnifiedJedis redis = new UnifiedJedis(RealRedis.url())) {
            RedisLock crashed = new RedisLock(redis, "qiying:lock:lease", Duration.ofMillis(200));
            assertThat(crashed.tryLock()).isTrue();
            RedisLock next = new RedisLock(redis, "qiying:lock:lease", Duration.ofSeconds(5));
            assertThat(next.tryLock(2, TimeUnit.SECONDS)).isTrue();
            next.unlock();
        }
    }
}
