package cn.qiying.policy.hall;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import cn.qiying.platform.web.WebEdge;
import cn.qiying.policy.PolicyProperties;
import cn.qiying.policy.binding.UserKey;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.policy.link.SignedTokens.Claims;

/**
 * Who is visiting the hall, without a server session: a signed, expiring token in an HttpOnly cookie
 * ({@code qiying_hall}, path {@code /hall}), set when the visitor arrives by a link from the chat, a card or a push.
 */
@Component
@WebEdge
class HallVisitor {

    static final String COOKIE = "qiying_hall";

    private final HallLinks links;
    private final PolicyProperties properties;

    HallVisitor(HallLinks links, PolicyProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /** The visitor's user key, when their cookie holds a valid token. */
    Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return links.verify(c.getValue()).map(Claims::userKey).filter(k -> UserKey.parse(k).isPresent());
            }
        }
        return Optional.empty();
    }

    void remember(String userKey, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, links.visitorToken(userKey));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(HallLinks.HALL);
        cookie.setMaxAge((int) properties.hall().linkTtl().toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
