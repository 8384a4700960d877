package cn.qiying.platform.redis;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import com.redis.om.spring.RedisModulesConfiguration;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Redis connection setting for everything: {@code spring.data.redis.url}. redis-om-spring's own connection factory
 * reads only host and port, so this one takes its place; {@link UnifiedJedis} serves what the object mapper does not
 * (counters, Lua, streams, SET NX). Start-up fails fast, in one line, when Redis lacks the query engine or JSON.
 */
@AutoConfiguration(before = RedisModulesConfiguration.class)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean
    RedisUrl redisUrl(@Value("${spring.data.redis.url:redis://localhost:6379}") String url) {
        return RedisUrl.parse(url);
    }

    @Bean(name = "jedisConnectionFactory")
    @Primary
    JedisConnectionFactory jedisConnectionFactory(RedisUrl url) {
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(url.host(), url.port());
        standalone.setDatabase(url.database());
        if (url.username() != null) {
            standalone.setUsername(url.username());
        }
        if (url.password() != null) {
            standalone.setPassword(url.password());
        }
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10));
        if (url.ssl()) {
            client.useSsl();
        }
        return new JedisConnectionFactory(standalone, client.usePooling().build());
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis unifiedJedis(RedisUrl url) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        pool.setMinIdle(2);
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .user(url.username()).password(url.password()).database(url.database()).ssl(url.ssl())
                .connectionTimeoutMillis(5000).socketTimeoutMillis(10000).build();
        JedisPooled redis = new JedisPooled(pool, new HostAndPort(url.host(), url.port()), client);
        checkModules(url, redis);
        return redis;
    }

    @Bean
    RedisModules redisModules(UnifiedJedis redis) {
        return new RedisModules(redis);
    }

    private static void checkModules(RedisUrl url, UnifiedJedis redis) {
        try {
            var missing = new RedisModules(redis).missing();
            if (!missing.isEmpty()) {
                throw new RedisModulesMissingException("Redis at " + url.display() + " lacks " + String.join(" and ", missing)
                        + ": Qiying needs Redis 8 or Redis Stack 7.4.", null);
            }
            log.info("Redis at {} has the query engine and JSON", url.display());
        } catch (JedisException e) {
            throw new RedisModulesMissingException("Redis at " + url.display() + " does not answer: " + e.getMessage(), e);
        }
    }
}
