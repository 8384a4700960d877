package cn.qiying.handoff.staff;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.platform.web.RefusedException;

/** Admin: staff accounts over REST, for provisioning from a city's own directory (the console has the same as a page). */
@RestController
@RequestMapping("/api/staff")
class StaffController {

    private final StaffUsers users;
    private final StaffAccounts accounts;

    StaffController(StaffUsers users, StaffAccounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /** An account as the API shows it: never the password hash. */
    record StaffView(String username, String displayName, List<String> roles, String department) {
        static StaffView of(StaffUser u) {
            return new StaffView(u.username(), u.displayName(),
                    u.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList(), u.department());
        }
    }

    /** {@code roles}: admin, operator, handler, supervisor; a handler needs its {@code department} id. */
    record StaffForm(String displayName, String password, List<String> roles, String department) {
    }

    @GetMapping
    List<StaffView> all() {
        StaffCaller.requireAny(StaffRole.ADMIN);
        return users.all().stream().map(StaffView::of).toList();
    }

    @PutMapping("/{username}")
    StaffView save(@PathVariable String username, @RequestBody StaffForm form) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        return StaffView.of(accounts.save(username, form.displayName(), form.password(), form.roles(), form.department())
                .orElseThrow(RefusedException::new));
    }
}
