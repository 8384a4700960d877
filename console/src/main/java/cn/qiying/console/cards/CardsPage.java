package cn.qiying.console.cards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;

/** Service cards: issuing, QR codes and printable PDFs (the page's script calls the channels module's REST API). */
@Controller
class CardsPage {

    private final Departments departments;

    CardsPage(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/console/admin/cards")
    String cards(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN, StaffRole.OPERATOR);
        model.addAttribute("departments", departments.all());
        model.addAttribute("nav", "cards");
        return "console/cards";
    }
}
