package cn.qiying.platform.redis;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import com.redis.om.spring.RedisModulesConfiguration;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * One Redis connection setting for everything, under Spring Boot's names ({@link RedisConnectionProperties}): a single
 * server, or the primary that the Sentinels name, followed through failovers. redis-om-spring's own connection factory
 * reads only host and port, so this one takes its place (redis-om-spring, Spring Session and the templates build on it);
 * {@link UnifiedJedis} over the same {@link ConnectionProvider} serves what the object mapper does not (counters, Lua,
 * streams, SET NX), and the provider lends one connection for what must run on the connection that wrote (WAITAOF).
 * Start-up fails fast, in one line, when Redis lacks the query engine or JSON or cannot be found.
 */
@AutoConfiguration(before = RedisModulesConfiguration.class)
@EnableConfigurationProperties(RedisConnectionProperties.class)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean
    RedisLocation redisLocation(RedisConnectionProperties properties) {
        return RedisLocation.of(properties);
    }

    @Bean(name = "jedisConnectionFactory")
    @Primary
    JedisConnectionFactory jedisConnectionFactory(RedisLocation location, RedisConnectionProperties properties) {
        RedisUrl server = location.server();
        JedisPoolConfig pool = new JedisPoolConfig();
        configure(pool, properties.jedis().pool());
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(properties.connectTimeout()).readTimeout(properties.timeout());
        if (properties.clientName() != null) {
            client.clientName(properties.clientName());
        }
        if (server.ssl()) {
            client.useSsl();
        }
        JedisClientConfiguration clientConfiguration = client.usePooling().poolConfig(pool).build();
        if (location.sentinel()) {
            RedisLocation.Sentinels sentinels = location.sentinels();
            Set<RedisNode> nodes = new LinkedHashSet<>();
            sentinels.nodes().forEach(n -> nodes.add(new RedisNode(n.getHost(), n.getPort())));
            RedisSentinelConfiguration sentinel = new RedisSentinelConfiguration().master(sentinels.master());
            sentinel.setSentinels(nodes);
            sentinel.setDatabase(server.database());
            if (server.username() != null) {
                sentinel.setUsername(server.username());
            }
            if (server.password() != null) {
                sentinel.setPassword(server.password());
            }
            if (sentinels.username() != null) {
                sentinel.setSentinelUsername(sentinels.username());
            }
            if (sentinels.password() != null) {
                sentinel.setSentinelPassword(sentinels.password());
            }
            return new JedisConnectionFactory(sentinel, clientConfiguration);
        }
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(server.host(), server.port());
        standalone.setDatabase(server.database());
        if (server.username() != null) {
            standalone.setUsername(server.username());
        }
        if (server.password() != null) {
            standalone.setPassword(server.password());
        }
        return new JedisConnectionFactory(standalone, clientConfiguration);
    }

    /** Closed with the {@link UnifiedJedis} built on it. */
    @Bean(destroyMethod = "")
    ConnectionProvider redisConnectionProvider(RedisLocation location, RedisConnectionProperties properties) {
        RedisUrl server = location.server();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        configure(pool, properties.jedis().pool());
        JedisClientConfig client = DefaultJedisClientConfig.builder()
                .user(server.username()).password(server.password()).database(server.database()).ssl(server.ssl())
                .clientName(properties.clientName())
                .connectionTimeoutMillis(Math.toIntExact(properties.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(properties.timeout().toMillis())).build();
        try {
            if (location.sentinel()) {
                RedisLocation.Sentinels sentinels = location.sentinels();
                JedisClientConfig sentinelClient = DefaultJedisClientConfig.builder()
                        .user(sentinels.username()).password(sentinels.password())
                        .connectionTimeoutMillis(Math.toIntExact(properties.connectTimeout().toMillis()))
                        .socketTimeoutMillis(Math.toIntExact(properties.timeout().toMillis())).build();
                return new SentineledConnectionProvider(sentinels.master(), client, pool, Set.copyOf(sentinels.nodes()), sentinelClient);
            }
            return new PooledConnectionProvider(new HostAndPort(server.host(), server.port()), client, pool);
        } catch (JedisException e) {
            throw new RedisModulesMissingException("Redis at " + location.display() + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis unifiedJedis(ConnectionProvider provider, RedisLocation location) {
        UnifiedJedis redis = new UnifiedJedis(provider);
        checkModules(location, redis);
        return redis;
    }

    @Bean
    RedisModules redisModules(UnifiedJedis redis) {
        return new RedisModules(redis);
    }

    private static void configure(GenericObjectPoolConfig<?> pool, RedisConnectionProperties.Pool settings) {
        pool.setMaxTotal(settings.maxActive());
        pool.setMaxIdle(settings.maxIdle());
        pool.setMinIdle(settings.minIdle());
        pool.setMaxWait(settings.maxWait());
        if (settings.timeBetweenEvictionRuns() != null) {
            pool.setTimeBetweenEvictionRuns(settings.timeBetweenEvictionRuns());
        }
    }

    private static void checkModules(RedisLocation location, UnifiedJedis redis) {
        try {
            var missing = new RedisModules(redis).missing();
            if (!missing.isEmpty()) {
                throw new RedisModulesMissingException("Redis at " + location.display() + " lacks " + String.join(" and ", missing)
                        + ": Qiying needs Redis 8 or Redis Stack 7.4.", null);
            }
            log.info("Redis at {} has the query engine and JSON", location.display());
        } catch (JedisException e) {
            throw new RedisModulesMissingException("Redis at " + location.display() + " does not answer: " + e.getMessage(), e);
        }
    }
}
