package cn.qiying.platform.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/** Which of the modules Qiying needs (the query engine and JSON) a Redis server lacks. */
public final class RedisModules {

    /** The module names as MODULE LIST reports them, lower-cased, with what they are for. */
    private static final List<String[]> REQUIRED = List.of(
            new String[] {"search", "the query engine (RediSearch)"},
            new String[] {"rejson", "JSON (RedisJSON)"});

    private final UnifiedJedis redis;

    public RedisModules(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Human-readable names of the missing modules; empty when all are loaded. Throws when Redis does not answer. */
    public List<String> missing() {
        List<String> loaded = loadedNames();
        List<String> missing = new ArrayList<>();
        for (String[] module : REQUIRED) {
            if (!loaded.contains(module[0])) {
                missing.add(module[1]);
            }
        }
        return missing;
    }

    @SuppressWarnings("unchecked")
    private List<String> loadedNames() {
        Object reply = redis.sendCommand(Protocol.Command.MODULE, "LIST");
        List<String> names = new ArrayList<>();
        for (Object module : (List<Object>) reply) {
            List<Object> fields = module instanceof List<?> list ? (List<Object>) list : List.of();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("name".equals(text(fields.get(i)))) {
                    names.add(text(fields.get(i + 1)).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
