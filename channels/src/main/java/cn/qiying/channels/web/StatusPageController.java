package cn.qiying.channels.web;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.platform.redis.Keys;
import jakarta.servlet.http.HttpServletResponse;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Progress of a ticket for people outside WeChat (no pushes reach them): the ticket number and the phone number the
 * enterprise left. Posted, not in the URL, so the phone stays out of logs and referrers; wrong guesses per ticket are
 * limited.
 */
@Controller
@RequestMapping("/q/status")
class StatusPageController {

    private static final int MAX_FAILURES_PER_HOUR = 10;

    private final ObjectProvider<AppealDesk> desk;
    private final UnifiedJedis redis;

    StatusPageController(ObjectProvider<AppealDesk> desk, UnifiedJedis redis) {
        this.desk = desk;
        this.redis = redis;
    }

    @GetMapping
    String form(@RequestParam(required = false) String no, Model model) {
        model.addAttribute("no", no == null ? "" : no);
        return "channels/status";
    }

    @PostMapping
    String lookUp(@RequestParam(defaultValue = "") String no, @RequestParam(defaultValue = "") String phone, Model model,
                  HttpServletResponse response) {
        String number = no.trim().toUpperCase();
        model.addAttribute("no", number);
        AppealDesk appeals = desk.getIfAvailable();
        String failures = Keys.of("q-status-failures", number);
        if (appeals == null) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("problem", "查询服务暂不可用，请稍后再试");
            return "channels/status";
        }
        String count = redis.get(failures);
        if (count != null && Integer.parseInt(count) >= MAX_FAILURES_PER_HOUR) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("problem", "尝试次数过多，请一小时后再试");
            return "channels/status";
        }
        Optional<TicketView> ticket = number.length() > 40 ? Optional.empty() : appeals.findForPhone(number, phone);
        if (ticket.isEmpty()) {
            if (redis.incr(failures) == 1) {
                redis.expire(failures, Duration.ofHours(1).toSeconds());
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "未找到该工单，请核对工单编号和提交时留下的联系电话");
            return "channels/status";
        }
        model.addAttribute("ticket", ticket.get());
        return "channels/status";
    }
}
