package cn.qiying.handoff.staff;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

/**
 * Console sessions live in Redis ({@code qiying:session:sessions:<id>}), so any instance behind the load balancer
 * serves a logged-in staff user: no sticky sessions. They end after {@code qiying.console.session-timeout} of
 * inactivity (default 30 minutes).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession(redisNamespace = ConsoleSessions.NAMESPACE)
class ConsoleSessions {

    static final String NAMESPACE = "qiying:session";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> consoleSessionTimeout(
            @Value("${qiying.console.session-timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(Duration.ofSeconds(Math.max(60, timeout.toSeconds())));
    }

    /**
     * Session attributes as Java serialization writes them; one that no longer reads (written by an older version of
     * the app during a rolling deployment) is dropped, so the user logs in again rather than meeting an error page.
     */
    @Bean("springSessionDefaultRedisSerializer")
    RedisSerializer<Object> sessionAttributes() {
        JdkSerializationRedisSerializer jdk = new JdkSerializationRedisSerializer(ConsoleSessions.class.getClassLoader());
        return new RedisSerializer<>() {
            @Override
            public byte[] serialize(Object value) {
                return jdk.serialize(value);
            }

            @Override
            public Object deserialize(byte[] bytes) {
                try {
                    return jdk.deserialize(bytes);
                } catch (SerializationException e) {
                    log.info("a console session attribute no longer reads ({}): the user logs in again", e.getMessage());
                    return null;
                }
            }
        };
    }
}
