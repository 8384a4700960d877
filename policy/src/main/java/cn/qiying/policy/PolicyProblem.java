package cn.qiying.policy;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import cn.qiying.platform.web.WebEdge;

/** A refusal of the policy REST API as an RFC 9457 problem with a Chinese detail (and the problems per field). */
@WebEdge
public class PolicyProblem extends ErrorResponseException {

    private PolicyProblem(HttpStatus status, String detail, Object problems) {
        super(status, problem(status, detail, problems), null);
    }

    public static PolicyProblem of(HttpStatus status, String detail) {
        return new PolicyProblem(status, detail, null);
    }

    /** 400 with the problems of one input, each as {@code {"field", "detail"}}. */
    public static PolicyProblem invalid(List<Problem> problems, Wording wording) {
        String detail = String.join(wording.text("policy.separator.sentence"), problems.stream().map(p -> p.text(wording)).toList());
        return new PolicyProblem(HttpStatus.BAD_REQUEST, detail,
                problems.stream().map(p -> java.util.Map.of("field", p.field(), "detail", p.text(wording))).toList());
    }

    /** 400 carrying a whole report (an array or an import none of whose items could be written). */
    public static PolicyProblem refusedAll(String detail, Object report) {
        return new PolicyProblem(HttpStatus.BAD_REQUEST, detail, report);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, Object problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (problems != null) {
            problem.setProperty("problems", problems);
        }
        return problem;
    }
}
