package cn.qiying.handoff.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 4xx answers of the ticket desk, as problem details with a Chinese detail. */
public final class TicketProblems {

    private TicketProblems() {
    }

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null) {
            @Override
            public String getMessage() {
                return detail;
            }
        };
    }

    /** An action the current status does not allow; names the status. */
    public static ErrorResponseException illegalTransition(String no, TicketStatus current, String action, String label) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "Illegal transition",
                "工单 " + no + " 当前状态为「" + label + "」(" + current.json() + ")，不能执行 " + action);
        e.getBody().setProperty("status", current.json());
        return e;
    }

    /** Someone else changed the ticket between our read and our write. */
    public static ErrorResponseException concurrentChange(String no, String currentStatus) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "Concurrent change",
                "工单 " + no + " 已被他人处理（当前状态 " + currentStatus.toLowerCase() + "），请刷新后重试");
        e.getBody().setProperty("status", currentStatus.toLowerCase());
        return e;
    }

    public static ErrorResponseException notFound(String no) {
        return problem(HttpStatus.NOT_FOUND, "Not Found", "工单 " + no + " 不存在");
    }

    public static ErrorResponseException notFoundAction(String action) {
        return problem(HttpStatus.NOT_FOUND, "Not Found", "没有操作「" + action + "」；可用：triage, reject, merge, assign, accept, return, contact, reply, resolve, review, reopen, close, supervise");
    }

    public static ErrorResponseException forbidden(String what) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "无权" + what);
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }
}
