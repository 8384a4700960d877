package cn.qiying.handoff;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.ResponsibilityRule;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;

/** Departments, a responsibility list and one staff user per role, as every desk test starts with (keys are wiped per class). */
@Component
public class TestDesk {

    public static final Actor ADMIN = new Actor("admin1", Set.of(StaffRole.ADMIN), null);
    public static final Actor OPERATOR = new Actor("operator", Set.of(StaffRole.OPERATOR), null);
    public static final Actor SUPERVISOR = new Actor("supervisor", Set.of(StaffRole.SUPERVISOR), null);
    public static final Actor MARKET = new Actor("market", Set.of(StaffRole.HANDLER), "scjgj");
    public static final Actor LABOUR = new Actor("labour", Set.of(StaffRole.HANDLER), "rsj");

    private final Departments departments;
    private final ResponsibilityList responsibilities;
    private final StaffUsers users;

    TestDesk(Departments departments, ResponsibilityList responsibilities, StaffUsers users) {
        this.departments = departments;
        this.responsibilities = responsibilities;
        this.users = users;
    }

    public void departments() {
        departments.save(new Department("scjgj", "市场监管局", List.of()));
        departments.save(new Department("rsj", "人社局", List.of()));
        departments.save(new Department("swj", "税务局", List.of()));
        departments.save(new Department("gdgs", "供电公司", List.of("历下区", "市中区")));
        responsibilities.replace(List.of(
                new ResponsibilityRule("scjgj", "市场准入", List.of("营业执照", "注册", "食品经营许可"), List.of()),
                new ResponsibilityRule("rsj", "用工", List.of("社保", "招聘", "工资", "劳动合同"), List.of()),
                new ResponsibilityRule("swj", "税费", List.of("发票", "退税", "纳税"), List.of()),
                new ResponsibilityRule("gdgs", "用电", List.of("停电", "电力", "用电增容"), List.of("历下区", "市中区"))));
    }

    /** Departments plus a staff account per role; the password is the username reversed. */
    public void staff() {
        departments();
        for (Actor a : List.of(ADMIN, OPERATOR, SUPERVISOR, MARKET, LABOUR)) {
            users.save(a.name(), a.name(), password(a.name()), a.roles(), a.department());
        }
    }

    public static String password(String user) {
        return new StringBuilder(user).reverse() + "-pw";
    }
}
