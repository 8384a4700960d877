package cn.qiying.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void readsHostPortPasswordAndDatabase() {
        RedisUrl url = RedisUrl.parse("redis://default:s3cret@10.0.0.5:6380/2");
        assertThat(url).isEqualTo(new RedisUrl("10.0.0.5", 6380, "default", "s3cret", 2, false));
        assertThat(url.display()).isEqualTo("redis://10.0.0.5:6380/2").doesNotContain("s3cret");
    }

    @Test
    void defaultsToPort6379AndDatabase0() {
        assertThat(RedisUrl.parse("redis://localhost")).isEqualTo(new RedisUrl("localhost", 6379, null, null, 0, false));
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> RedisUrl.parse("http://localhost:6379")).hasMessageContaining("redis://");
    }
}
