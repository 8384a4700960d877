package cn.qiying.console;

import java.time.Clock;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffPrincipal;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;
import jakarta.servlet.http.HttpServletRequest;

/** Every console page knows who is logged in; a refusal is a Chinese error page for a browser, problem details for a script. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final StaffUsers users;
    private final Departments departments;
    private final Clock clock;

    ConsoleAdvice(StaffUsers users, Departments departments, Clock clock) {
        this.users = users;
        this.departments = departments;
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
                a.roles().stream().map(ConsoleLabels::role).sorted().toList(), a.is(StaffRole.ADMIN),
                a.is(StaffRole.ADMIN) || a.is(StaffRole.OPERATOR), a.is(StaffRole.HANDLER), a.is(StaffRole.SUPERVISOR));
    }

    @ExceptionHandler(ErrorResponseException.class)
    Object refused(ErrorResponseException e, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            ModelAndView page = new ModelAndView("console/error");
            page.setStatus(e.getStatusCode());
            page.addObject("status", e.getStatusCode().value());
            page.addObject("detail", e.getBody().getDetail());
            page.addObject("me", me());
            return page;
        }
        return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
    }
}
