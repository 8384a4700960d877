package cn.qiying.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.platform.web.ProblemDetailsAdvice;
import cn.qiying.testing.SentinelRedis;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.util.KeyValue;

/**
 * With {@code spring.data.redis.sentinel.*} both clients (Jedis for Lua, streams and locks; Spring Data for sessions
 * and redis-om-spring) find the primary through the Sentinels, a replica's append-only file confirms a write
 * (WAITAOF on the connection that wrote), and after the primary is killed with -9 they follow the promoted replica:
 * meanwhile every failure is an outage, answered 503 with Retry-After (a write a demoted primary refuses too), never a 500.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentinelFailoverTest {

    static SentinelRedis group;

    final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RedisConfiguration.class))
            .withPropertyValues("spring.data.redis.sentinel.master=" + SentinelRedis.MASTER,
                    "spring.data.redis.sentinel.nodes=" + group.sentinelNodes(),
                    "spring.data.redis.timeout=2s", "spring.data.redis.jedis.pool.max-active=8");

    @BeforeAll
    static void startPrimaryReplicaAndThreeSentinels() {
        group = SentinelRedis.start(Duration.ofMillis(1000));
    }

    @AfterAll
    static void stop() {
        group.close();
    }

    @Test
    @Order(1)
    void aWriteTheReplicaRefusesIsAnOutageNotAFault() {
        try (Jedis replica = new Jedis("127.0.0.1", group.replicaPort())) {
            assertThatThrownBy(() -> replica.set("qiying:test:on-replica", "x"))
                    .hasMessageStartingWith("READONLY").satisfies(e -> assertThat(RedisOutage.explains(e)).isTrue());
        }
        // as Spring Data reports it (sessions, redis-om-spring): translated, with the refusal as its cause
        JedisConnectionFactory toReplica = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", group.replicaPort()));
        toReplica.afterPropertiesSet();
        toReplica.start();
        try {
            StringRedisTemplate template = new StringRedisTemplate(toReplica);
            assertThatThrownBy(() -> template.opsForValue().set("qiying:test:on-replica", "x"))
                    .satisfies(e -> assertThat(RedisOutage.explains(e)).as(e.toString()).isTrue());
        } finally {
            toReplica.destroy();
        }
        assertThat(RedisOutage.explains(new IllegalStateException("WRONGTYPE"))).isFalse();
    }

    /** A web app whose Redis is the replica (as an instance is when a failover demoted its primary): a write it takes. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProblemDetailsAdvice.class)
    @RestController
    static class AppOnTheReplica {

        private final UnifiedJedis redis;

        AppOnTheReplica(UnifiedJedis redis) {
            this.redis = redis;
        }

        @PostMapping("/write")
        String write() {
            return redis.set("qiying:test:written", "1");
        }
    }

    @Test
    @Order(2)
    void aWriteRefusedAsReadOnlyIsAnswered503WithRetryAfter() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AppOnTheReplica.class).run("--server.port=0",
                "--spring.data.redis.url=redis://127.0.0.1:" + group.replicaPort(), "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"status\":503").doesNotContain("READONLY", "Exception");
        }
    }

    @Test
    @Order(3)
    void bothClientsFollowThePrimaryThroughAFailover() {
        app.run(context -> {
            UnifiedJedis redis = context.getBean(UnifiedJedis.class);
            ConnectionProvider connections = context.getBean(ConnectionProvider.class);
            StringRedisTemplate template = new StringRedisTemplate(context.getBean(JedisConnectionFactory.class));
            assertThat(context.getBean(RedisLocation.class).display()).startsWith("sentinel qiying@127.0.0.1:");

            redis.set("qiying:test:before", "1");
            template.opsForValue().set("qiying:test:before-template", "1");
            try (Connection connection = connections.getConnection()) {
                Jedis jedis = new Jedis(connection);
                jedis.set("qiying:test:confirmed", "1");
                KeyValue<Long, Long> synced = jedis.waitAOF(1, 1, 5000);
                assertThat(synced.getValue()).as("replicas whose AOF has the write").isEqualTo(1L);
            }

            HostAndPort old = group.kill9Primary();
            List<Throwable> meanwhile = new ArrayList<>();
            long killed = System.nanoTime();
            boolean jedisBack = false;
            boolean templateBack = false;
            while (!(jedisBack && templateBack) && System.nanoTime() - killed < Duration.ofSeconds(60).toNanos()) {
                try {
                    if (!jedisBack) {
                        redis.set("qiying:test:after", "1");
                        jedisBack = true;
                    }
                    if (!templateBack) {
                        template.opsForValue().set("qiying:test:after-template", "1");
                        templateBack = true;
                    }
                } catch (RuntimeException e) {
                    meanwhile.add(e);
                    Thread.sleep(100);
                }
            }
            HostAndPort now = group.primary();
            assertThat(now.getPort()).as("the replica was promoted").isNotEqualTo(old.getPort()).isEqualTo(group.replicaPort());
            assertThat(jedisBack).as("Jedis writes to the new primary").isTrue();
            assertThat(templateBack).as("Spring Data writes to the new primary").isTrue();
            assertThat(meanwhile).as("errors while failing over").allSatisfy(e -> assertThat(RedisOutage.explains(e)).as(e.toString()).isTrue());
            assertThat(redis.get("qiying:test:confirmed")).isEqualTo("1");
            assertThat(redis.get("qiying:test:before")).isEqualTo("1");
            assertThat(template.opsForValue().get("qiying:test:after")).isEqualTo("1");
        });
    }
}
