package cn.qiying.channels.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.channels.card.CardAppealForm;
import cn.qiying.channels.card.ServiceCard;
import cn.qiying.channels.card.ServiceCardRepository;
import cn.qiying.channels.card.SubmitCardAppeal;
import cn.qiying.handoff.appeal.AppealRejected;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The landing page of a printed service card: a mobile appeal form in Chinese, pre-filled from the card.
 * It posts back to itself with the CSRF token of the staff chain; Thymeleaf escapes everything it prints.
 */
@Controller
@RequestMapping("/q")
class LandingController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SUBMISSION = Pattern.compile("[0-9a-f-]{36}");
    private static final String VISITOR = "qiying_visitor";
    private static final Pattern VISITOR_ID = Pattern.compile("web-[0-9a-f-]{36}");

    private final ServiceCardRepository cards;
    private final SubmitCardAppeal submit;

    LandingController(ServiceCardRepository cards, SubmitCardAppeal submit) {
        this.cards = cards;
        this.submit = submit;
    }

    @GetMapping("/{code}")
    String form(@PathVariable String code, Model model) {
        ServiceCard card = card(code);
        model.addAttribute("card", card);
        model.addAttribute("form", CardAppealForm.empty(UUID.randomUUID().toString()));
        model.addAttribute("problems", Map.of());
        model.addAttribute("available", submit.available());
        return "channels/landing";
    }

    @PostMapping("/{code}")
    String submit(@PathVariable String code, @ModelAttribute CardAppealForm form, Model model,
                  @CookieValue(name = VISITOR, required = false) String visitor, HttpServletResponse response) {
        ServiceCard card = card(code);
        model.addAttribute("card", card);
        model.addAttribute("available", submit.available());
        if (form.submission() == null || !SUBMISSION.matcher(form.submission()).matches()) {
            form = new CardAppealForm(form.kind(), form.enterpriseName(), form.uscc(), form.contact(), form.phone(),
                    form.description(), UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        Map<String, String> problems = form.problems();
        model.addAttribute("problems", problems);
        if (!problems.isEmpty() || !submit.available()) {
            response.setStatus(submit.available() ? HttpStatus.UNPROCESSABLE_ENTITY.value() : HttpStatus.SERVICE_UNAVAILABLE.value());
            return "channels/landing";
        }
        try {
            SubmitCardAppeal.Outcome outcome = submit.submit(card, form, "web", null, visitor(visitor, response));
            model.addAttribute("ticket", outcome.ticket());
            model.addAttribute("stillFiling", outcome.stillFiling());
            return "channels/submitted";
        } catch (AppealRejected e) {
            model.addAttribute("rejected", e.getMessage());
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "channels/landing";
        }
    }

    /** Outside WeChat the user is known by a random id in a cookie: the desk needs an identity to file under. */
    private static String visitor(String given, HttpServletResponse response) {
        if (given != null && VISITOR_ID.matcher(given).matches()) {
            return given;
        }
        String id = "web-" + UUID.randomUUID();
        Cookie cookie = new Cookie(VISITOR, id);
        cookie.setHttpOnly(true);
        cookie.setPath("/q");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return id;
    }

    private ServiceCard card(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such service card");
        }
        return cards.findById(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such service card"));
    }
}
