package cn.qiying.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.ResponsibilityRule;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;

/** Demo mode: the departments, responsibility list and staff of {@code demo/departments.yml}; existing staff accounts are kept. */
@Component
@ConditionalOnProperty(name = "qiying.demo.enabled", havingValue = "true")
class DemoDepartments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDepartments.class);

    private final Departments departments;
    private final ResponsibilityList responsibilities;
    private final StaffUsers staff;
    private final String password;

    DemoDepartments(Departments departments, ResponsibilityList responsibilities, StaffUsers staff,
                    @Value("${qiying.demo.staff-password:qiying-demo}") String password) {
        this.departments = departments;
        this.responsibilities = responsibilities;
        this.staff = staff;
        this.password = password;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(ApplicationArguments args) throws IOException {
        Map<String, Object> data;
        try (InputStream in = new ClassPathResource("demo/departments.yml").getInputStream()) {
            data = new Yaml().load(in);
        }
        for (Map<String, Object> d : (List<Map<String, Object>>) data.get("departments")) {
            departments.save(new Department((String) d.get("id"), (String) d.get("name"), (List<String>) d.get("districts")));
        }
        responsibilities.replace(((List<Map<String, Object>>) data.get("responsibilities")).stream()
                .map(r -> new ResponsibilityRule((String) r.get("department"), (String) r.get("category"),
                        (List<String>) r.get("keywords"), (List<String>) r.get("districts")))
                .toList());
        int created = 0;
        for (Map<String, Object> u : (List<Map<String, Object>>) data.get("staff")) {
            Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
            ((List<String>) u.get("roles")).forEach(r -> roles.add(StaffRole.valueOf(r)));
            if (staff.createIfAbsent((String) u.get("username"), (String) u.get("displayName"), password, roles, (String) u.get("department"))) {
                created++;
            }
        }
        log.info("demo: {} departments, {} responsibility rules, {} new staff accounts (password from qiying.demo.staff-password)",
                departments.all().size(), responsibilities.rules().size(), created);
    }
}
