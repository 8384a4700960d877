package cn.qiying.channels.wechat;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff: replies WeChat would not deliver (48-hour window closed, quota spent, WeChat down), newest first. */
@RestController
class UndeliveredController {

    private final UndeliveredMessages undelivered;

    UndeliveredController(UndeliveredMessages undelivered) {
        this.undelivered = undelivered;
    }

    @GetMapping("/api/wechat/undelivered")
    List<UndeliveredMessages.Entry> latest(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        return undelivered.latest(limit);
    }
}
