package cn.qiying.channels.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.AppealRejected;
import cn.qiying.handoff.appeal.Rating;
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
    private static final long RATE_TOKEN_SECONDS = 1800;

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
        show(model, ticket.get(), phone);
        return "channels/status";
    }

    /**
     * Off WeChat, the person who filed rates here once the ticket is resolved and reviewed. The look-up gave the page a
     * one-time rating token (30 minutes, in Redis, standing for the number and phone checked), so the phone is not
     * echoed into the page.
     */
    @PostMapping("/rate")
    String rate(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String rating,
                @RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
        AppealDesk appeals = desk.getIfAvailable();
        String checked = token.length() == 36 ? redis.get(Keys.of("q-rate", token)) : null;
        if (appeals == null || checked == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("no", "");
            model.addAttribute("problem", "页面已过期，请重新查询工单后评价");
            return "channels/status";
        }
        String number = checked.substring(0, checked.indexOf('\n'));
        String phone = checked.substring(checked.indexOf('\n') + 1);
        model.addAttribute("no", number);
        String problem = null;
        Rating chosen = null;
        try {
            chosen = Rating.parse(rating);
        } catch (IllegalArgumentException e) {
            problem = "请选择评价：满意、基本满意或不满意";
        }
        if (comment.length() > 500) {
            problem = "评价内容不能超过 500 字";
        }
        if (problem == null) {
            try {
                TicketView rated = appeals.rateForPhone(number, phone, chosen, comment.isBlank() ? null : comment.trim());
                redis.del(Keys.of("q-rate", token));
                model.addAttribute("ticket", rated);
                model.addAttribute("thanks", "感谢您的评价！");
                return "channels/status";
            } catch (AppealRejected e) {
                response.setStatus(e.getStatusCode().value());
                problem = e.getBody().getDetail();
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problem", problem);
        appeals.findForPhone(number, phone).ifPresent(t -> show(model, t, phone));
        return "channels/status";
    }

    /** The ticket, with a rating token when it awaits its rating. */
    private void show(Model model, TicketView ticket, String phone) {
        model.addAttribute("ticket", ticket);
        if ("reviewed".equals(ticket.status())) {
            String token = UUID.randomUUID().toString();
            redis.set(Keys.of("q-rate", token), ticket.no() + "\n" + phone, SetParams.setParams().ex(RATE_TOKEN_SECONDS));
            model.addAttribute("rateToken", token);
        }
    }
}
