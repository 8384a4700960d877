package cn.qiying.channels.golive;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.platform.text.Texts;
import cn.qiying.platform.web.WebEdge;

/** Admins: {@code GET /api/wechat/go-live}, the go-live check with each finding's sentence. */
@RestController
@WebEdge
class GoLiveController {

    record Item(String item, GoLiveCheck.Verdict verdict, String message) {
    }

    record Report(boolean ready, List<Item> findings) {
    }

    private final GoLiveCheck check;
    private final Texts texts;

    GoLiveController(GoLiveCheck check, Texts texts) {
        this.check = check;
        this.texts = texts;
    }

    @GetMapping("/api/wechat/go-live")
    Report run() {
        List<GoLiveCheck.Finding> findings = check.run();
        return new Report(GoLiveCheck.ready(findings), findings.stream()
                .map(f -> new Item(f.item(), f.verdict(), texts.text(f.messageKey(), f.arguments().toArray()))).toList());
    }
}
