package cn.qiying.platform.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A cluster-wide lock on one Redis key (SET NX PX, released only by its owner): one instance at a time refreshes an
 * access token, sweeps deadlines or handles one user's message. Not reentrant; the lease frees it if the holder dies.
 * The owner is kept per thread, so one instance may be shared by threads.
 */
public final class RedisLock implements Lock {

    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static final long POLL_MILLIS = 20;

    private final UnifiedJedis redis;
    private final String key;
    private final Duration lease;
    private final ThreadLocal<String> owner = new ThreadLocal<>();

    public RedisLock(UnifiedJedis redis, String key, Duration lease) {
        this.redis = redis;
        this.key = key;
        this.lease = lease;
    }

    @Override
    public boolean tryLock() {
        String id = UUID.randomUUID().toString();
        if ("OK".equals(redis.set(key, id, SetParams.setParams().nx().px(lease.toMillis())))) {
            owner.set(id);
            return true;
        }
        return false;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    @Override
    public void lock() {
        boolean interrupted = false;
        while (!tryLock()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        while (!tryLock()) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public void unlock() {
        String id = owner.get();
        if (id != null) {
            owner.remove();
            redis.eval(RELEASE, List.of(key), List.of(id));
        }
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a Redis lock has no conditions");
    }
}
