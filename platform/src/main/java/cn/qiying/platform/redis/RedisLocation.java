package cn.qiying.platform.redis;

import java.util.List;

import redis.clients.jedis.HostAndPort;

/**
 * Where Qiying's Redis is, resolved from {@link RedisConnectionProperties} as Spring Boot resolves them: a primary found
 * through Sentinels when {@code sentinel.master} is set, otherwise the one server of the URL (or host and port).
 *
 * @param server    the data nodes' credentials, database (the URL's path, else {@code database}) and TLS; its host
 *                  and port are the single server's (unused with Sentinels)
 * @param sentinels the Sentinels, or null for a single server
 */
public record RedisLocation(RedisUrl server, Sentinels sentinels) {

    /** The master name the Sentinels know the primary by, the Sentinels, and their own credentials. */
    public record Sentinels(String master, List<HostAndPort> nodes, String username, String password) {
    }

    public static RedisLocation of(RedisConnectionProperties properties) {
        RedisUrl server = properties.url() != null && !properties.url().isBlank()
                ? RedisUrl.parse(properties.url()) : fromParts(properties);
        server = new RedisUrl(server.host(), server.port(),
                server.username() != null ? server.username() : blankToNull(properties.username()),
                server.password() != null ? server.password() : blankToNull(properties.password()),
                server.database() != 0 || properties.database() == null ? server.database() : properties.database(),
                server.ssl() || properties.ssl().enabled());
        RedisConnectionProperties.Sentinel sentinel = properties.sentinel();
        if (!sentinel.enabled()) {
            return new RedisLocation(server, null);
        }
        if (sentinel.nodes().isEmpty()) {
            throw new IllegalArgumentException("spring.data.redis.sentinel.master is set but spring.data.redis.sentinel.nodes is empty");
        }
        List<HostAndPort> nodes = sentinel.nodes().stream().map(RedisLocation::node).toList();
        return new RedisLocation(server, new Sentinels(sentinel.master().trim(), nodes,
                blankToNull(sentinel.username()), blankToNull(sentinel.password())));
    }

    public boolean sentinel() {
        return sentinels != null;
    }

    /** For logs and health: no passwords. */
    public String display() {
        if (!sentinel()) {
            return server.display();
        }
        return "sentinel " + sentinels.master() + "@" + String.join(",", sentinels.nodes().stream().map(HostAndPort::toString).toList())
                + (server.database() == 0 ? "" : "/" + server.database());
    }

    private static RedisUrl fromParts(RedisConnectionProperties properties) {
        String host = properties.host() == null || properties.host().isBlank() ? "localhost" : properties.host();
        return new RedisUrl(host, properties.port() == null ? 6379 : properties.port(), null, null, 0, false);
    }

    private static HostAndPort node(String node) {
        String trimmed = node.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("a Sentinel node is host:port, got " + node);
        }
        return new HostAndPort(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
