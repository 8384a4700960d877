package cn.qiying.handoff.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUser;
import cn.qiying.handoff.staff.StaffUsers;

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

    /** Throws {@link IllegalArgumentException} (a 400 with this Chinese text) on anything wrong. */
    public StaffUser save(String username, String displayName, String password, List<String> roles, String department) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少 " + MIN_PASSWORD + " 位");
        }
        Set<StaffRole> chosen = EnumSet.noneOf(StaffRole.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(StaffRole.valueOf(String.valueOf(role).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知角色：" + role + "（可选 admin、operator、handler、supervisor）");
            }
        }
        String dept = department == null || department.isBlank() ? null : department.trim();
        if (dept != null && departments.find(dept).isEmpty()) {
            throw new IllegalArgumentException("部门不存在：" + dept);
        }
        return users.save(username == null ? null : username.trim(), displayName == null ? "" : displayName.trim(), password,
                chosen, dept);
    }
}
