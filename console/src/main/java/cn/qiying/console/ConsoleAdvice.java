package cn.qiying.console;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffPrincipal;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.platform.web.RefusalProblems;
import cn.qiying.platform.web.RefusedException;

/** Every console page knows who is logged in; a refusal is a Chinese error page for a browser, problem details for a script. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final StaffUsers users;
    private final Departments departments;
    private final ConsoleLabels labels;
    private final RefusalProblems problems;
    private final Clock clock;

    ConsoleAdvice(StaffUsers users, Departments departments, ConsoleLabels labels, RefusalProblems problems, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.labels = labels;
        this.problems = problems;
        this.clock = clock;
    }

    /** Countdowns run on the server's clock, not the staff computer's. */
    @ModelAttribute("serverNow")
    long serverNow() {
        return clock.millis();
    }

    /** The logged-in user as the pages show it. */
    record Me(String username, String displayName, String departmentName, List<String> roles,
              boolean admin, boolean centre, boolean handler, boolean supervisor) {
    }

    @ModelAttribute("me")
    Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal staff)) {
            return null;
        }
        Actor a = staff.actor();
        String display = users.find(a.name()).map(u -> u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName())
                .orElse(a.name());
        return new Me(a.name(), display, a.department() == null ? null : departments.nameOf(a.department()),
                a.roles().stream().map(r -> labels.named("staff.role", r.name())).sorted().toList(), a.is(StaffRole.ADMIN),
                a.isCentre(), a.is(StaffRole.HANDLER), a.is(StaffRole.SUPERVISOR));
    }

    @ExceptionHandler(RefusedException.class)
    Object refused(RefusedException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(e.refusal());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            ModelAndView page = new ModelAndView("console/error");
            page.setStatus(HttpStatusCode.valueOf(problem.getStatus()));
            page.addObject("status", problem.getStatus());
            page.addObject("detail", problem.getDetail());
            page.addObject("me", me());
            return page;
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
