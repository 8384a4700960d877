package cn.qiying.knowledge.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import cn.qiying.platform.web.WebEdge;

/** A 4xx problem detail with a Chinese message from the knowledge bundle (and the message keys as {@code codes}). */
@WebEdge
public class KnowledgeProblem extends ErrorResponseException {

    public KnowledgeProblem(HttpStatus status, MessageSource messages, String code, List<String> reasons) {
        super(status, problem(status, messages, code, reasons), null);
    }

    private static ProblemDetail problem(HttpStatus status, MessageSource messages, String code, List<String> reasons) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(messages, code));
        if (!reasons.isEmpty()) {
            problem.setProperty("codes", reasons);
            problem.setProperty("reasons", reasons.stream().map(r -> text(messages, r)).toList());
        }
        return problem;
    }

    public static String text(MessageSource messages, String code) {
        return messages.getMessage(code, null, code, Locale.SIMPLIFIED_CHINESE);
    }
}
