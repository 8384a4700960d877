package cn.qiying.handoff.routing;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/departments}: every staff user may read them (the staff chain lets only staff reach {@code /api/**}). */
@RestController
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/api/departments")
    List<Department> all() {
        return departments.all();
    }
}
