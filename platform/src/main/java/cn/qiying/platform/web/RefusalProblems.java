package cn.qiying.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.text.Texts;

/**
 * A refusal as the people and programs outside read it: the bundle's sentence (Chinese) as an RFC 9457 problem
 * detail, with the refusal's properties beside it ({@code status} stays the HTTP code).
 */
@Component
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RefusalProblems {

    private final Texts texts;

    public RefusalProblems(Texts texts) {
        this.texts = texts;
    }

    public static HttpStatus status(Refusal refusal) {
        if (refusal instanceof Refusal.Several several) {
            return status(several.each().get(0));
        }
        if (refusal instanceof Refusal.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof Refusal.NotAllowed) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof Refusal.IllegalStep || refusal instanceof Refusal.LostRace) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** The sentence a person reads. */
    public String text(Refusal refusal) {
        return texts.text(refusal);
    }

    public ProblemDetail problem(Refusal refusal) {
        HttpStatus status = status(refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(refusal));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", refusal.messageKey());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        ProblemDetail problem = problem(e.refusal());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
