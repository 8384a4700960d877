package cn.qiying.channels.card;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.platform.text.Texts;

/**
 * The landing page of a printed service card: a mobile appeal form in Chinese, pre-filled from the card.
 * It posts back to itself with the CSRF token of the staff chain; Thymeleaf escapes everything it prints. Inside
 * WeChat it first learns the visitor's openid (OAuth snsapi_base) so status pushes reach them; elsewhere the visitor
 * is a random id in a cookie.
 */
@Controller
@RequestMapping("/q")
class LandingController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SUBMISSION = Pattern.compile("[0-9a-f-]{36}");
    private static final String VISITOR = "qiying_visitor";
    private static final Pattern VISITOR_ID = Pattern.compile("web-[0-9a-f-]{36}");

    /** The session attribute holding the visitor's official-account openid, learnt through OAuth. */
    private static final String OPENID = "qiying.mp.openid";

    private final ServiceCardRepository cards;
    private final SubmitCardAppeal submit;
    private final WeChatVisitor visitor;
    private final CardQrCode qr;
    private final Texts texts;

    LandingController(ServiceCardRepository cards, SubmitCardAppeal submit, WeChatVisitor visitor, CardQrCode qr, Texts texts) {
        this.texts = texts;
        this.cards = cards;
        this.submit = submit;
        this.visitor = visitor;
        this.qr = qr;
    }

    @GetMapping("/{card}")
    String form(@PathVariable("card") String code, @RequestParam(name = "code", required = false) String oauthCode,
                @RequestParam(required = false) String state, @RequestHeader(name = "User-Agent", required = false) String userAgent,
                HttpSession session, Model model) {
        ServiceCard card = card(code);
        if (session.getAttribute(OPENID) == null && visitor.canIdentify(userAgent)) {
            if (oauthCode == null || !WeChatVisitor.STATE.equals(state)) {
                return "redirect:" + visitor.authorizationUrl(qr.landingUrl(card.getCode()));
            }
            visitor.openId(oauthCode).ifPresent(openId -> session.setAttribute(OPENID, openId));
            return "redirect:/q/" + card.getCode();
        }
        model.addAttribute("card", card);
        model.addAttribute("form", CardAppealForm.empty(UUID.randomUUID().toString()));
        model.addAttribute("problems", Map.of());
        model.addAttribute("available", submit.available());
        return "channels/landing";
    }

    @PostMapping("/{card}")
    String submit(@PathVariable("card") String code, @ModelAttribute CardAppealForm form, Model model,
                  @CookieValue(name = VISITOR, required = false) String visitorId, HttpSession session,
                  HttpServletResponse response) {
        ServiceCard card = card(code);
        model.addAttribute("card", card);
        model.addAttribute("available", submit.available());
        if (form.submission() == null || !SUBMISSION.matcher(form.submission()).matches()) {
            form = new CardAppealForm(form.kind(), form.enterpriseName(), form.uscc(), form.contact(), form.phone(),
                    form.description(), UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        Map<String, String> problems = form.problems(texts);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty() || !submit.available()) {
            response.setStatus(submit.available() ? HttpStatus.UNPROCESSABLE_ENTITY.value() : HttpStatus.SERVICE_UNAVAILABLE.value());
            return "channels/landing";
        }
        Object openId = session.getAttribute(OPENID);
        SubmitCardAppeal.Filed filed = openId instanceof String mpOpenId
                ? submit.submit(card, form, "mp", visitor.appId(), mpOpenId)
                : submit.submit(card, form, "web", null, visitorCookie(visitorId, response));
        if (filed.refusal() != null) {
            model.addAttribute("rejected", texts.text(filed.refusal()));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "channels/landing";
        }
        model.addAttribute("ticket", filed.ticket());
        model.addAttribute("stillFiling", filed.stillFiling());
        return "channels/submitted";
    }

    /** Outside WeChat the user is known by a random id in a cookie: the desk needs an identity to file under. */
    private static String visitorCookie(String given, HttpServletResponse response) {
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
