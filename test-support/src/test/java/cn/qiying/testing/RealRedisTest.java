package cn.qiying.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

@ExtendWith(RealRedis.class)
class RealRedisTest {

    @Test
    void startsARedisWithTheSearchAndJsonModules() {
        try (Jedis redis = new Jedis(URI.create(RealRedis.url()))) {
            assertThat(redis.ping()).isEqualTo("PONG");
            assertThat(RealRedis.url()).isEqualTo(System.getProperty("spring.data.redis.url"));
            assertThat(redis.configGet("appendonly")).containsEntry("appendonly", "yes");
            assertThat(moduleNames(redis)).contains("search", "ReJSON");
        }
    }

    @Test
    void cleanDeletesEveryKey() {
        try (Jedis redis = new Jedis(URI.create(RealRedis.url()))) {
            redis.set("qiying:probe", "1");
            RealRedis.clean();
            assertThat(redis.dbSize()).isZero();
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> moduleNames(Jedis redis) {
        var modules = (java.util.List<Object>) redis.sendCommand(Protocol.Command.MODULE, "LIST");
        return modules.stream()
                .map(m -> (java.util.List<Object>) m)
                .map(m -> new String((byte[]) m.get(1), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }
}
