package cn.qiying.app.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import cn.qiying.platform.redis.RedisModules;
import cn.qiying.platform.redis.RedisLocation;

/** {@code /actuator/health} component "redis": DOWN when Redis does not answer or lacks the query engine or JSON. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedisModules modules;
    private final RedisLocation location;

    RedisHealthIndicator(RedisModules modules, RedisLocation location) {
        super("Redis health check failed");
        this.modules = modules;
        this.location = location;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var missing = modules.missing();
        builder.withDetail("url", location.display());
        if (missing.isEmpty()) {
            builder.up().withDetail("modules", "search, json");
        } else {
            builder.down().withDetail("reason", "missing " + String.join(", ", missing));
        }
    }
}
