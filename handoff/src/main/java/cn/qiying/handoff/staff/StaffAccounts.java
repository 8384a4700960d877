package cn.qiying.handoff.staff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.platform.names.EnumNames;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** Creating or replacing a staff account, by the console's form or the REST API: the same rules for both. */
@Component
public class StaffAccounts {

    static final int MIN_PASSWORD = 8;

    private final StaffUsers users;
    private final Departments departments;

    StaffAccounts(StaffUsers users, Departments departments) {
        this.users = users;
        this.departments = departments;
    }

    /** The saved account, or every reason it cannot be saved. */
    public Outcome<StaffUser> save(String username, String displayName, String password, List<String> roles, String department) {
        List<Refusal> problems = new ArrayList<>();
        String name = username == null ? null : username.trim();
        if (name == null || !name.matches(StaffUsers.USERNAME)) {
            problems.add(Refusal.invalid("staff.refusal.username"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.add(Refusal.invalid("staff.refusal.password", MIN_PASSWORD));
        }
        Set<StaffRole> chosen = EnumSet.noneOf(StaffRole.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            EnumNames.find(StaffRole.class, role).ifPresentOrElse(chosen::add,
                    () -> problems.add(Refusal.invalid("staff.refusal.unknown-role", role)));
        }
        if (chosen.isEmpty()) {
            problems.add(Refusal.invalid("staff.refusal.no-role"));
        }
        String dept = department == null || department.isBlank() ? null : department.trim();
        if (dept != null && departments.find(dept).isEmpty()) {
            problems.add(Refusal.invalid("staff.refusal.department", dept));
        } else if (dept == null && chosen.contains(StaffRole.HANDLER)) {
            problems.add(Refusal.invalid("staff.refusal.handler-department"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.of(problems));
        }
        return Outcome.done(users.save(name, displayName == null ? "" : displayName.trim(), password, chosen, dept));
    }
}
