package cn.qiying.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qiying.handoff.calendar.DeadlinePolicy;
import cn.qiying.handoff.calendar.Limit;
import cn.qiying.handoff.calendar.SlaPreset;
import cn.qiying.handoff.calendar.SlaProperties;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.ResponsibilityRule;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUser;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.handoff.ticket.Complexity;
import cn.qiying.handoff.web.StaffAccounts;
import cn.qiying.handoff.web.StaffCaller;
import cn.qiying.platform.time.ClockConfiguration;

/**
 * Administration: knowledge entries and service cards (pages whose script calls the knowledge and channels REST APIs),
 * departments and the responsibility list, staff accounts, the working-day calendar and the SLA preset.
 */
@Controller
class AdminController {

    private final Departments departments;
    private final ResponsibilityList responsibilities;
    private final StaffUsers users;
    private final StaffAccounts accounts;
    private final DeadlinePolicy deadlines;
    private final SlaProperties sla;
    private final Clock clock;

    AdminController(Departments departments, ResponsibilityList responsibilities, StaffUsers users, StaffAccounts accounts,
                    DeadlinePolicy deadlines, SlaProperties sla, Clock clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.responsibilities = responsibilities;
        this.users = users;
        this.deadlines = deadlines;
        this.sla = sla;
        this.clock = clock;
    }

    @GetMapping("/console/admin/knowledge")
    String knowledge(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        model.addAttribute("nav", "knowledge");
        return "console/knowledge";
    }

    @GetMapping("/console/admin/cards")
    String cards(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        model.addAttribute("departments", departments.all());
        model.addAttribute("nav", "cards");
        return "console/cards";
    }

    record RuleRow(String department, String category, String keywords, String districts) {
    }

    @GetMapping("/console/admin/departments")
    String departments(Model model) {
        StaffCaller.current();
        model.addAttribute("departments", departments.all());
        model.addAttribute("rules", responsibilities.rules().stream().map(r -> new RuleRow(departments.nameOf(r.department()),
                r.category(), String.join("、", r.keywords()), r.districts().isEmpty() ? "全市" : String.join("、", r.districts()))).toList());
        model.addAttribute("nav", "departments");
        return "console/departments";
    }

    @PostMapping("/console/admin/departments")
    String saveDepartment(@RequestParam String id, @RequestParam String name, @RequestParam(defaultValue = "") String districts,
                          RedirectAttributes flash) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        try {
            if (name.isBlank()) {
                throw new IllegalArgumentException("请填写部门名称");
            }
            departments.save(new Department(id.trim(), name.trim(), split(districts)));
            flash.addFlashAttribute("notice", "已保存部门「" + name.trim() + "」");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/admin/departments";
    }

    @PostMapping("/console/admin/responsibilities")
    String addRule(@RequestParam String department, @RequestParam(defaultValue = "") String category,
                   @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String districts,
                   RedirectAttributes flash) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        if (departments.find(department).isEmpty() || (category.isBlank() && keywords.isBlank())) {
            flash.addFlashAttribute("error", "请选择部门，并填写类别或关键词");
            return "redirect:/console/admin/departments";
        }
        List<ResponsibilityRule> rules = new ArrayList<>(responsibilities.rules());
        rules.add(new ResponsibilityRule(department, category.isBlank() ? null : category.trim(), split(keywords), split(districts)));
        responsibilities.replace(rules);
        flash.addFlashAttribute("notice", "已添加权责条目");
        return "redirect:/console/admin/departments";
    }

    record StaffRow(String username, String displayName, String roles, String department) {
    }

    @GetMapping("/console/admin/staff")
    String staff(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        model.addAttribute("users", users.all().stream().map(u -> new StaffRow(u.username(), u.displayName(),
                String.join("、", u.roles().stream().map(ConsoleLabels::role).sorted().toList()),
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
        try {
            StaffUser saved = accounts.save(username, displayName, password, roles, department);
            flash.addFlashAttribute("notice", "已保存人员 " + saved.username());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/admin/staff";
    }

    record Day(int day, String kind) {
    }

    /** A month as weeks of seven cells, Monday first; blanks are null. */
    record Month(int month, List<List<Day>> weeks) {

        static Month of(int month, int leadingBlanks, List<Day> days) {
            List<Day> cells = new ArrayList<>();
            for (int i = 0; i < leadingBlanks; i++) {
                cells.add(null);
            }
            cells.addAll(days);
            while (cells.size() % 7 != 0) {
                cells.add(null);
            }
            List<List<Day>> weeks = new ArrayList<>();
            for (int i = 0; i < cells.size(); i += 7) {
                weeks.add(new ArrayList<>(cells.subList(i, i + 7)));
            }
            return new Month(month, weeks);
        }
    }

    record LimitRow(String step, String limit) {
    }

    @GetMapping("/console/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        StaffCaller.current();
        var calendar = deadlines.calendar();
        int shown = year != null && year > 2000 && year < 2100 ? year : clock.instant().atZone(ClockConfiguration.SHANGHAI).getYear();
        List<Month> months = new ArrayList<>();
        List<String> daysOff = new ArrayList<>();
        List<String> makeUp = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(shown, m, 1);
            List<Day> days = new ArrayList<>();
            for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                boolean working = calendar.isWorkingDay(d);
                String kind = working ? (weekend ? "makeup" : "work") : (weekend ? "weekend" : "holiday");
                if (kind.equals("holiday")) {
                    daysOff.add(d.toString().substring(5));
                } else if (kind.equals("makeup")) {
                    makeUp.add(d.toString().substring(5));
                }
                days.add(new Day(d.getDayOfMonth(), kind));
            }
            months.add(Month.of(m, first.getDayOfWeek().getValue() - 1, days));
        }
        SlaPreset preset = deadlines.preset();
        List<LimitRow> limits = new ArrayList<>();
        limits.add(new LimitRow("联系企业", limit(preset.contact())));
        limits.add(new LimitRow("阶段性答复", limit(preset.reply())));
        limits.add(new LimitRow("办结（默认）", limit(preset.resolveDefault())));
        String[] names = {"简单", "一般", "复杂", "重大"};
        for (Complexity c : Complexity.values()) {
            if (preset.resolveByComplexity().containsKey(c)) {
                limits.add(new LimitRow("办结（" + names[c.ordinal()] + "）", limit(preset.resolveByComplexity().get(c))));
            }
        }
        if (preset.extended() != null) {
            limits.add(new LimitRow("复杂多部门事项办结", limit(preset.extended())));
        }
        model.addAttribute("year", shown);
        model.addAttribute("published", calendar.publishedYears());
        model.addAttribute("known", calendar.publishedYears().contains(shown));
        model.addAttribute("months", months);
        model.addAttribute("daysOff", daysOff);
        model.addAttribute("makeUp", makeUp);
        model.addAttribute("preset", preset.name());
        model.addAttribute("limits", limits);
        LocalTime closing = sla.closingTime();
        model.addAttribute("closing", closing == null ? "24:00" : closing.toString());
        model.addAttribute("afterHoursNextDay", sla.afterHoursNextDay());
        model.addAttribute("nearFraction", Math.round(sla.nearDeadlineFraction() * 100));
        model.addAttribute("nav", "calendar");
        return "console/calendar";
    }

    private static String limit(Limit limit) {
        return limit == null ? "不设" : limit.amount() + (limit.unit() == Limit.Unit.HOURS ? " 小时" : " 个工作日");
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
