package cn.qiying.platform.redis;

/** Start-up stops with this when Redis lacks the query engine or JSON, or does not answer. */
public class RedisModulesMissingException extends RuntimeException {

    public RedisModulesMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
