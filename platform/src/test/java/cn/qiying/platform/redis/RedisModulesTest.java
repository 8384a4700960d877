package cn.qiying.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
class RedisModulesTest {

    @Test
    void theTestRedisHasEverythingQiyingNeeds() {
        try (UnifiedJedis redis = new UnifiedJedis(RealRedis.url())) {
            assertThat(new RedisModules(redis).missing()).isEmpty();
        }
    }
}
