package cn.qiying.handoff.appeal;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An appeal or a rating that cannot be accepted as given; the detail says why, in Chinese. */
public class AppealRejected extends ErrorResponseException {

    public AppealRejected(String detail) {
        this(HttpStatus.BAD_REQUEST, detail);
    }

    public AppealRejected(HttpStatusCode status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
