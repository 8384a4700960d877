package cn.qiying.channels.ma;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.text.Texts;
import cn.qiying.platform.web.RefusedException;

/**
 * The mini program's API: login with a {@code wx.login()} code, then the user's own appeals with
 * {@code Authorization: Bearer <token>}. Every call counts against the user's per-minute quota.
 */
@RestController
@RequestMapping("/api/ma")
class MaApiController {

    private static final String BEARER = "Bearer ";

    private final SignIn signIn;
    private final SessionTokens tokens;
    private final RequestQuota quota;
    private final MaAppeals appeals;
    private final Texts texts;

    MaApiController(SignIn signIn, SessionTokens tokens, RequestQuota quota, MaAppeals appeals, Texts texts) {
        this.texts = texts;
        this.signIn = signIn;
        this.tokens = tokens;
        this.quota = quota;
        this.appeals = appeals;
    }

    record Login(String code) {
    }

    record RatingRequest(String rating, String comment) {
    }

    @PostMapping(value = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionTokens.Session session(@RequestBody Login login) {
        return signIn.withCode(login.code())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, texts.text("channels.ma.login-failed")));
    }

    @PostMapping(value = "/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketView> submit(@RequestHeader(name = "Authorization", required = false) String authorization,
                                      @RequestBody MaAppeals.Appeal appeal) {
        TicketView ticket = appeals.submit(caller(authorization), appeal).orElseThrow(RefusedException::new);
        return ResponseEntity.status(HttpStatus.CREATED).body(ticket);
    }

    @GetMapping("/appeals")
    Map<String, List<TicketView>> mine(@RequestHeader(name = "Authorization", required = false) String authorization) {
        return Map.of("appeals", appeals.open(caller(authorization)));
    }

    @GetMapping("/appeals/{no}")
    TicketView one(@RequestHeader(name = "Authorization", required = false) String authorization, @PathVariable String no) {
        return appeals.one(caller(authorization), no).orElseThrow(MaApiController::notFound);
    }

    @PostMapping(value = "/appeals/{no}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    TicketView rate(@RequestHeader(name = "Authorization", required = false) String authorization, @PathVariable String no,
                    @RequestBody RatingRequest request) {
        String openId = caller(authorization);
        Rating rating = Rating.find(request.rating()).orElseThrow(() -> new RefusedException(Refusal.invalid("ticket.refusal.rating")));
        return appeals.rate(openId, no, rating, request.comment()).orElseThrow(RefusedException::new);
    }

    private String caller(String authorization) {
        String token = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).trim() : null;
        String openId = tokens.openId(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, texts.text("channels.ma.login-first")));
        if (!quota.take(openId)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, texts.text("channels.ma.too-many"));
        }
        return openId;
    }

    private static RefusedException notFound() {
        return new RefusedException(Refusal.notFound("channels.ma.not-found"));
    }
}
