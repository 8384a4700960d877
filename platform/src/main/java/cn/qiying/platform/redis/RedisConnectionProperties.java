package cn.qiying.platform.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis connection under Spring Boot's own names ({@code spring.data.redis.*}), read here because Boot's Redis
 * auto-configuration is not on the classpath and redis-om-spring's reads only host and port. As in Boot, Sentinel
 * ({@code sentinel.master} set) wins over the URL, and the URL wins over host, port, username, password and ssl.
 *
 * @param url            {@code redis://[user:password@]host[:port][/database]} or {@code rediss://…}
 * @param host           used when no URL is given (localhost)
 * @param port           used when no URL is given (6379)
 * @param username       ACL user of the data nodes (the URL's when it has one)
 * @param password       password of the data nodes (the URL's when it has one)
 * @param database       database index (the URL's path when it has one)
 * @param timeout        read timeout of a command; keep it above the longest blocking read
 * @param connectTimeout how long a connection may take to open
 * @param clientName     CLIENT SETNAME of every connection
 * @param ssl            TLS to the data nodes
 * @param sentinel       the Sentinels that name the current primary
 * @param jedis          the connection pools
 */
@ConfigurationProperties("spring.data.redis")
public record RedisConnectionProperties(
        String url,
        String host,
        Integer port,
        String username,
        String password,
        Integer database,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration connectTimeout,
        String clientName,
        @DefaultValue Ssl ssl,
        @DefaultValue Sentinel sentinel,
        @DefaultValue Jedis jedis) {

    /** @param enabled TLS to the data nodes (a {@code rediss://} URL turns it on too) */
    public record Ssl(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param master   the name the Sentinels monitor the primary under; Sentinel mode when set
     * @param nodes    the Sentinels, {@code host:port} each
     * @param username ACL user of the Sentinels
     * @param password password of the Sentinels (the data nodes' is {@code spring.data.redis.password})
     */
    public record Sentinel(String master, @DefaultValue List<String> nodes, String username, String password) {

        public boolean enabled() {
            return master != null && !master.isBlank();
        }
    }

    /** @param pool the pool of each Redis client (Jedis for Lua, streams and locks; Spring Data for sessions and documents) */
    public record Jedis(@DefaultValue Pool pool) {
    }

    /**
     * @param maxActive              connections a pool may hold (busy and idle); requests beyond wait for {@code maxWait}
     * @param maxIdle                idle connections kept
     * @param minIdle                idle connections kept warm
     * @param maxWait                how long a request waits for a free connection (negative: for ever)
     * @param timeBetweenEvictionRuns how often idle connections are checked and trimmed (none when absent)
     */
    public record Pool(@DefaultValue("64") int maxActive, @DefaultValue("64") int maxIdle, @DefaultValue("2") int minIdle,
                       @DefaultValue("-1ms") Duration maxWait, Duration timeBetweenEvictionRuns) {
    }
}
