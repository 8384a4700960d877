package cn.qiying.console.departments;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.console.ConsoleLabels;
import cn.qiying.console.FormLists;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.ResponsibilityRule;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.platform.refusal.Outcome;

/** Departments and the responsibility list (权责清单): everyone reads them, the admin changes them. */
@Controller
class DepartmentsPage {

    private final Departments departments;
    private final ResponsibilityList responsibilities;
    private final ConsoleLabels labels;

    DepartmentsPage(Departments departments, ResponsibilityList responsibilities, ConsoleLabels labels) {
        this.departments = departments;
        this.responsibilities = responsibilities;
        this.labels = labels;
    }

    record RuleRow(String department, String category, List<String> keywords, List<String> districts) {
    }

    @GetMapping("/console/admin/departments")
    String departments(Model model) {
        StaffCaller.current();
        model.addAttribute("departments", departments.all());
        model.addAttribute("rules", responsibilities.rules().stream().map(r -> new RuleRow(departments.nameOf(r.department()),
                r.category(), r.keywords(), r.districts())).toList());
        model.addAttribute("nav", "departments");
        return "console/departments";
    }

    @PostMapping("/console/admin/departments")
    String saveDepartment(@RequestParam String id, @RequestParam String name, @RequestParam(defaultValue = "") String districts,
                          RedirectAttributes flash) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        Outcome<Department> saved = departments.save(new Department(id.trim(), name.trim(), FormLists.split(districts)));
        if (saved instanceof Outcome.Done<Department> done) {
            flash.addFlashAttribute("notice", labels.text("console.departments.saved", done.value().name()));
        } else {
            flash.addFlashAttribute("error", labels.text(saved.refusal()));
        }
        return "redirect:/console/admin/departments";
    }

    @PostMapping("/console/admin/responsibilities")
    String addRule(@RequestParam String department, @RequestParam(defaultValue = "") String category,
                   @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String districts,
                   RedirectAttributes flash) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        if (departments.find(department).isEmpty() || (category.isBlank() && keywords.isBlank())) {
            flash.addFlashAttribute("error", labels.text("console.departments.rule-incomplete"));
            return "redirect:/console/admin/departments";
        }
        List<ResponsibilityRule> rules = new ArrayList<>(responsibilities.rules());
        rules.add(new ResponsibilityRule(department, category.isBlank() ? null : category.trim(), FormLists.split(keywords),
                FormLists.split(districts)));
        responsibilities.replace(rules);
        flash.addFlashAttribute("notice", labels.text("console.departments.rule-added"));
        return "redirect:/console/admin/departments";
    }
}
