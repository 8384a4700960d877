package cn.qiying.handoff.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;

@RestController
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/api/departments")
    List<Department> all() {
        StaffCaller.current();
        return departments.all();
    }
}
