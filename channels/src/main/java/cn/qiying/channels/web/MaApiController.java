package cn.qiying.channels.web;

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

import cn.qiying.channels.ma.MaAppeals;
import cn.qiying.channels.ma.RequestQuota;
import cn.qiying.channels.ma.SessionTokens;
import cn.qiying.channels.ma.SignIn;
import cn.qiying.handoff.appeal.Rating;
import cn.qiying.handoff.appeal.TicketView;

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

    MaApiController(SignIn signIn, SessionTokens tokens, RequestQuota quota, MaAppeals appeals) {
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
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "登录凭证无效，请重新登录"));
    }

    @PostMapping(value = "/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketView> submit(@RequestHeader(name = "Authorization", required = false) String authorization,
                                      @RequestBody MaAppeals.Appeal appeal) {
        TicketView ticket = appeals.submit(caller(authorization), appeal);
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
        Rating rating = Rating.parse(request.rating());
        return appeals.rate(openId, no, rating, request.comment()).orElseThrow(MaApiController::notFound);
    }

    private String caller(String authorization) {
        String token = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).trim() : null;
        String openId = tokens.openId(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录小程序"));
        if (!quota.take(openId)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请稍后再试");
        }
        return openId;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到该诉求");
    }
}
