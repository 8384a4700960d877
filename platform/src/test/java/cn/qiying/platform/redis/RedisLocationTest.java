package cn.qiying.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import redis.clients.jedis.HostAndPort;

/** Spring Boot's {@code spring.data.redis.*} names, all honoured, resolved as Boot resolves them. */
class RedisLocationTest {

    @Test
    void withNothingSetItIsLocalhost6379() {
        RedisLocation location = RedisLocation.of(bind(Map.of()));
        assertThat(location.sentinel()).isFalse();
        assertThat(location.server()).isEqualTo(new RedisUrl("localhost", 6379, null, null, 0, false));
    }

    @Test
    void hostPortPasswordUsernameDatabaseAndSslWhenThereIsNoUrl() {
        RedisLocation location = RedisLocation.of(bind(Map.of("spring.data.redis.host", "10.0.0.7", "spring.data.redis.port", "6380",
                "spring.data.redis.username", "qiying", "spring.data.redis.password", "s3cret", "spring.data.redis.database", "3",
                "spring.data.redis.ssl.enabled", "true")));
        assertThat(location.server()).isEqualTo(new RedisUrl("10.0.0.7", 6380, "qiying", "s3cret", 3, true));
        assertThat(location.display()).doesNotContain("s3cret");
    }

    @Test
    void theUrlWinsOverHostAndPortAndItsPasswordOverThePasswordProperty() {
        RedisLocation location = RedisLocation.of(bind(Map.of("spring.data.redis.url", "redis://u:fromurl@10.0.0.5:6390/2",
                "spring.data.redis.host", "ignored", "spring.data.redis.password", "ignored")));
        assertThat(location.server()).isEqualTo(new RedisUrl("10.0.0.5", 6390, "u", "fromurl", 2, false));
    }

    @Test
    void aPasswordPropertyAppliesToAUrlWithout() {
        RedisLocation location = RedisLocation.of(bind(Map.of("spring.data.redis.url", "redis://10.0.0.5:6390",
                "spring.data.redis.password", "s3cret", "spring.data.redis.database", "4")));
        assertThat(location.server()).isEqualTo(new RedisUrl("10.0.0.5", 6390, null, "s3cret", 4, false));
    }

    @Test
    void sentinelMasterWinsOverTheUrl() {
        RedisLocation location = RedisLocation.of(bind(Map.of("spring.data.redis.url", "redis://localhost:6379",
                "spring.data.redis.sentinel.master", "qiying", "spring.data.redis.sentinel.nodes", "10.0.0.1:26379, 10.0.0.2:26380",
                "spring.data.redis.sentinel.password", "sentinel-secret", "spring.data.redis.password", "data-secret")));
        assertThat(location.sentinel()).isTrue();
        assertThat(location.sentinels().master()).isEqualTo("qiying");
        assertThat(location.sentinels().nodes()).containsExactly(new HostAndPort("10.0.0.1", 26379), new HostAndPort("10.0.0.2", 26380));
        assertThat(location.sentinels().password()).isEqualTo("sentinel-secret");
        assertThat(location.server().password()).isEqualTo("data-secret");
        assertThat(location.display()).isEqualTo("sentinel qiying@10.0.0.1:26379,10.0.0.2:26380").doesNotContain("secret");
    }

    @Test
    void aSentinelMasterWithoutNodesOrABadNodeIsRefusedAtStartUp() {
        assertThatThrownBy(() -> RedisLocation.of(bind(Map.of("spring.data.redis.sentinel.master", "qiying"))))
                .hasMessageContaining("sentinel.nodes");
        assertThatThrownBy(() -> RedisLocation.of(bind(Map.of("spring.data.redis.sentinel.master", "qiying",
                "spring.data.redis.sentinel.nodes", "10.0.0.1")))).hasMessageContaining("host:port");
    }

    @Test
    void poolsAndTimeoutsAreSettings() {
        RedisConnectionProperties properties = bind(Map.of("spring.data.redis.timeout", "3s",
                "spring.data.redis.connect-timeout", "1500ms", "spring.data.redis.jedis.pool.max-active", "16",
                "spring.data.redis.jedis.pool.max-idle", "4", "spring.data.redis.jedis.pool.min-idle", "1",
                "spring.data.redis.jedis.pool.max-wait", "2s"));
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(properties.jedis().pool()).isEqualTo(new RedisConnectionProperties.Pool(16, 4, 1, Duration.ofSeconds(2), null));
        assertThat(bind(Map.of()).jedis().pool().maxActive()).isEqualTo(64);
    }

    private static RedisConnectionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.data.redis", RedisConnectionProperties.class);
    }
}
