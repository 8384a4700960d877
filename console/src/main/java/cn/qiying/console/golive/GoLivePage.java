package cn.qiying.console.golive;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qiying.channels.golive.GoLiveCheck;
import cn.qiying.console.ConsoleLabels;
import cn.qiying.handoff.staff.StaffCaller;
import cn.qiying.handoff.staff.StaffRole;

/** 上线检查: what the WeChat accounts still need before enterprises use them, checked when the page is opened. */
@Controller
class GoLivePage {

    record Row(String item, String verdict, String message) {
    }

    // a provider: the console's own tests run without the channels module's WeChat clients
    private final ObjectProvider<GoLiveCheck> check;
    private final ConsoleLabels labels;

    GoLivePage(ObjectProvider<GoLiveCheck> check, ConsoleLabels labels) {
        this.check = check;
        this.labels = labels;
    }

    @GetMapping("/console/admin/go-live")
    String goLive(Model model) {
        StaffCaller.requireAny(StaffRole.ADMIN);
        List<GoLiveCheck.Finding> findings = check.getObject().run();
        model.addAttribute("ready", GoLiveCheck.ready(findings));
        model.addAttribute("rows", findings.stream().map(f -> new Row(f.item(), f.verdict().name(),
                labels.text(f.messageKey(), f.arguments().toArray()))).toList());
        model.addAttribute("nav", "go-live");
        return "console/go-live";
    }
}
