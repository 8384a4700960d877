package cn.qiying.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.qiying.platform.redis.RedisOutage;
import cn.qiying.platform.text.Texts;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * RFC 9457 problem details for every REST error: Spring MVC's own exceptions (bad JSON, wrong types, missing
 * parameters, unsupported media) become 4xx problems; anything unexpected is logged and answered as a 500 problem
 * that carries no stack trace. Modules throw {@link org.springframework.web.ErrorResponseException} subclasses for
 * their own 4xx cases.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Texts texts;

    public ProblemDetailsAdvice(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        log.debug("bad argument: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, texts.text("problem.bad-argument"));
    }

    /** Redis unreachable, failing over or read-only ({@link RedisOutage}): nothing was acknowledged, so the caller may simply try again. */
    @ExceptionHandler({JedisConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("the store is unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, texts.text("problem.unavailable"));
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (RedisOutage.explains(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, texts.text("problem.internal"));
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
