package cn.qiying.channels.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Callbacks that are not from WeChat for us get 403, unreadable ones 400; neither says more than needed. */
@RestControllerAdvice(assignableTypes = WeChatCallbackController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(CallbackErrors.class);

    @ExceptionHandler(CallbackRefusedException.class)
    ProblemDetail refused(CallbackRefusedException e) {
        log.warn("callback refused: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "callback refused");
    }

    @ExceptionHandler(MalformedCallbackException.class)
    ProblemDetail malformed(MalformedCallbackException e) {
        log.warn("malformed callback: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
