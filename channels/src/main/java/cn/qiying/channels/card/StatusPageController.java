package cn.qiying.channels.card;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.ticket.Rate;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.text.Texts;
import cn.qiying.platform.web.RefusalProblems;

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
    private final Texts texts;

    StatusPageController(ObjectProvider<AppealDesk> desk, UnifiedJedis redis, Texts texts) {
        this.texts = texts;
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
            model.addAttribute("problem", texts.text("channels.status.unavailable"));
            return "channels/status";
        }
        String count = redis.get(failures);
        if (count != null && Integer.parseInt(count) >= MAX_FAILURES_PER_HOUR) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("problem", texts.text("channels.status.too-many"));
            return "channels/status";
        }
        Optional<TicketView> ticket = number.length() > 40 ? Optional.empty() : appeals.findForPhone(number, phone);
        if (ticket.isEmpty()) {
            if (redis.incr(failures) == 1) {
                redis.expire(failures, Duration.ofHours(1).toSeconds());
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", texts.text("appeal.refusal.not-found-for-phone"));
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
            model.addAttribute("problem", texts.text("channels.status.expired"));
            return "channels/status";
        }
        String number = checked.substring(0, checked.indexOf('\n'));
        String phone = checked.substring(checked.indexOf('\n') + 1);
        model.addAttribute("no", number);
        String problem = null;
        Rating chosen = null;
        chosen = Rating.find(rating).orElse(null);
        if (chosen == null) {
            problem = texts.text("ticket.refusal.rating");
        }
        if (comment.length() > Rate.MAX_COMMENT) {
            problem = texts.text("ticket.refusal.comment-too-long", Rate.MAX_COMMENT);
        }
        if (problem == null) {
            Outcome<TicketView> rated = appeals.rateForPhone(number, phone, chosen, comment.isBlank() ? null : comment.trim());
            if (rated instanceof Outcome.Done<TicketView> done) {
                redis.del(Keys.of("q-rate", token));
                model.addAttribute("ticket", done.value());
                model.addAttribute("thanks", texts.text("channels.status.thanks"));
                return "channels/status";
            }
            response.setStatus(RefusalProblems.status(rated.refusal()).value());
            problem = texts.text(rated.refusal());
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
