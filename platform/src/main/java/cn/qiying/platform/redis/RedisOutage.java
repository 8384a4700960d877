package cn.qiying.platform.redis;

import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;

import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Whether an error means Redis cannot take commands just now and did nothing: unreachable (restarting, the primary
 * killed), a former primary that a failover made a read-only replica, a replica still loading, a master the Sentinels
 * declared down, too few replicas to write. A caller may simply try again later, so these are answered 503, not 500.
 */
public final class RedisOutage {

    /** Error prefixes of a server that refuses the command as a whole (nothing written). */
    private static final List<String> REFUSALS = List.of("READONLY", "LOADING", "MASTERDOWN", "NOREPLICAS", "TRYAGAIN",
            "CLUSTERDOWN", "UNBLOCKED");

    private RedisOutage() {
    }

    /** True when this error, or one of its causes, is such an outage. */
    public static boolean explains(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof JedisBusyException) {
                return true;
            }
            if (t instanceof JedisDataException && t.getMessage() != null
                    && REFUSALS.stream().anyMatch(t.getMessage()::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
