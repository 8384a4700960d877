package cn.qiying.policy.hall;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.PolicyProperties;
import cn.qiying.policy.Wording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import redis.clients.jedis.UnifiedJedis;

/**
 * What every hall response gets: a per-address request limit across instances ({@code qiying:hall-rate:<ip>:<minute>},
 * {@code qiying.policy.hall.requests-per-minute}, 429 beyond it), a strict Content-Security-Policy (no inline script or
 * style: the pages need none), no framing, no caching of personal pages, and a cap on query strings.
 */
@Configuration
class HallGuard implements WebMvcConfigurer, HandlerInterceptor {

    static final int MAX_QUERY = 1000;
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final UnifiedJedis redis;
    private final Clock clock;
    private final PolicyProperties properties;
    private final Wording wording;

    HallGuard(UnifiedJedis redis, Clock clock, PolicyProperties properties, Wording wording) {
        this.redis = redis;
        this.clock = clock;
        this.properties = properties;
        this.wording = wording;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/hall", "/hall/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        String query = request.getQueryString();
        if (query != null && query.length() > MAX_QUERY) {
            refuse(response, HttpServletResponse.SC_REQUEST_URI_TOO_LONG, "policy.hall.too-long");
            return false;
        }
        long minute = clock.millis() / Duration.ofMinutes(1).toMillis();
        String key = Keys.of("hall-rate", request.getRemoteAddr(), Long.toString(minute));
        long n = redis.incr(key);
        if (n == 1) {
            redis.expire(key, 120);
        }
        if (n > properties.hall().requestsPerMinute()) {
            response.setHeader("Retry-After", "60");
            refuse(response, 429, "policy.hall.too-many");
            return false;
        }
        return true;
    }

    private void refuse(HttpServletResponse response, int status, String key) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(wording.text(key));
    }
}
