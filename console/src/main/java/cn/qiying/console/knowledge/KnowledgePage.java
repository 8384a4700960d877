package cn.qiying.console.knowledge;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;

/** The knowledge base's administration: its script calls the knowledge module's REST API. */
@Controller
class KnowledgePage {

    @GetMapping("/console/admin/knowledge")
    String knowledge(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        model.addAttribute("nav", "knowledge");
        return "console/knowledge";
    }
}
