package cn.qiying.console.staff;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.StaffAccounts;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUser;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.platform.refusal.Outcome;

/** Staff accounts, for the admin: the same rules as {@code PUT /api/staff/{username}}. */
@Controller
class StaffPage {

    private final StaffUsers users;
    private final StaffAccounts accounts;
    private final Departments departments;
    private final ConsoleLabels labels;

    StaffPage(StaffUsers users, StaffAccounts accounts, Departments departments, ConsoleLabels labels) {
        this.users = users;
        this.accounts = accounts;
        this.departments = departments;
        this.labels = labels;
    }

    record StaffRow(String username, String displayName, String roles, String department) {
    }

    @GetMapping("/console/admin/staff")
    String staff(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        model.addAttribute("users", users.all().stream().map(u -> new StaffRow(u.username(), u.displayName(),
                String.join("、", u.roles().stream().map(r -> labels.named("staff.role", r.name())).sorted().toList()),
                u.department() == null ? "" : departments.nameOf(u.department()))).toList());
        model.addAttribute("departments", departments.all());
        model.addAttribute("nav", "staff");
        return "console/staff";
    }

    @PostMapping("/console/admin/staff")
    String saveStaff(@RequestParam String username, @RequestParam(defaultValue = "") String displayName, @RequestParam String password,
                     @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String department,
                     RedirectAttributes flash) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        Outcome<StaffUser> saved = accounts.save(username, displayName, password, roles, department);
        if (saved instanceof Outcome.Done<StaffUser> done) {
            flash.addFlashAttribute("notice", labels.text("console.staff.saved", done.value().username()));
        } else {
            flash.addFlashAttribute("error", labels.text(saved.refusal()));
        }
        return "redirect:/console/admin/staff";
    }
}
