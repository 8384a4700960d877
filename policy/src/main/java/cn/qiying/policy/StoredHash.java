package cn.qiying.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.search.FTCreateParams;
import redis.clients.jedis.search.IndexDataType;
import redis.clients.jedis.search.schemafields.SchemaField;

/**
 * A document kept as one Redis hash that is replaced whole (profiles, policies): fields an older version had, such as
 * a removed industry, must not linger in the index. The script's keys: the hash; its arguments: field, value, ….
 */
public final class StoredHash {

    public static final String REPLACE = "redis.call('del', KEYS[1]); return redis.call('hset', KEYS[1], unpack(ARGV))";
    public static final String CREATE = "if redis.call('exists', KEYS[1]) == 1 then return 0 end "
            + "redis.call('hset', KEYS[1], unpack(ARGV)) return 1";

    private StoredHash() {
    }

    /** The fields as the scripts' arguments; null and empty values are left out (an absent TAG is not indexed). */
    public static List<String> arguments(Map<String, String> fields) {
        List<String> args = new ArrayList<>(fields.size() * 2);
        fields.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                args.add(k);
                args.add(v);
            }
        });
        return args;
    }

    /** Creates the index over hashes under {@code prefix} (Chinese full text) unless it exists; true when created. */
    public static boolean ensureIndex(UnifiedJedis redis, String index, String prefix, List<SchemaField> schema) {
        try {
            redis.ftInfo(index);
            return false;
        } catch (JedisDataException e) {
            // not there yet
        }
        try {
            redis.ftCreate(index, FTCreateParams.createParams().on(IndexDataType.HASH).prefix(prefix).language("chinese"), schema);
            return true;
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("already exists")) {
                return false; // another instance was quicker
            }
            throw e;
        }
    }
}
