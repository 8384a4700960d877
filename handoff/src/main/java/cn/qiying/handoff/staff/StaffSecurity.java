package cn.qiying.handoff.staff;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

import cn.qiying.platform.text.Texts;
import cn.qiying.platform.web.PublicPaths;
import cn.qiying.platform.web.RestrictedPaths;

/**
 * Staff authentication: HTTP Basic for the REST API and a session for the console. Paths that modules declare
 * public ({@link PublicPaths}) are open; everything else needs a staff login. Accounts live in Redis
 * ({@link StaffUsers}) with bcrypt hashes; what each role may do is decided by the domain, per ticket.
 */
@Configuration
class StaffSecurity {

    @Bean
    PublicPaths operationalPaths() {
        return PublicPaths.of("/actuator/health/**", "/actuator/prometheus", "/actuator/info",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUserDetails(StaffUsers users) {
        return username -> users.find(username).map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff user"));
    }

    @Bean
    SecurityFilterChain staffChain(HttpSecurity http, List<PublicPaths> publicPaths, List<RestrictedPaths> restricted, Texts texts)
            throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("qiying");
        AuthenticationEntryPoint api = (request, response, failed) -> {
            if (failed instanceof InternalAuthenticationServiceException) {
                // the staff store could not be read (Redis restarting): not the caller's fault, and worth a retry
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "5");
                response.setContentType("application/problem+json;charset=UTF-8");
                writeProblem(response, 503, "Service Unavailable", texts.text("problem.unavailable"));
                return;
            }
            basic.commence(request, response, failed);
        };
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(open).permitAll()
                            .requestMatchers("/login", "/console/*.css", "/console/*.js", "/favicon.ico").permitAll();
                    for (RestrictedPaths paths : restricted) {
                        String[] roles = paths.roles().toArray(String[]::new);
                        if (!paths.everything().isEmpty()) {
                            auth.requestMatchers(paths.everything().toArray(String[]::new)).hasAnyRole(roles);
                        }
                        String[] writes = paths.writes().toArray(String[]::new);
                        if (writes.length > 0) {
                            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                                auth.requestMatchers(method, writes).hasAnyRole(roles);
                            }
                        }
                    }
                    auth.anyRequest().authenticated();
                })
                .httpBasic(b -> b.authenticationEntryPoint(api))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
                // the page asked for before the login waits in a cookie, so an anonymous visit leaves no session in Redis
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // the API answers 401 with a Basic challenge, never a redirect to the login page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(api, PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> refuse(response, denied, texts), PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                // the token in a cookie, not the session: anonymous visitors of the card form, the status page and the
                // login page then leave nothing in Redis (sessions live there), so a flood of page loads costs no memory
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .ignoringRequestMatchers(StaffSecurity::apiWithoutSession));
        return http.build();
    }

    /** The CSRF token in an HttpOnly cookie; the console's script sends it back in {@code X-CSRF-TOKEN}, as before. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setHeaderName("X-CSRF-TOKEN");
        return repository;
    }

    /** A staff user whose role may not call an API path: a problem detail, as the domain's own refusals are. */
    private static void refuse(HttpServletResponse response, AccessDeniedException denied, Texts texts) throws IOException {
        writeProblem(response, 403, "Forbidden", texts.text(denied instanceof CsrfException ? "staff.refusal.csrf" : "staff.refusal.role"));
    }

    /** A problem detail written before Spring MVC is reached (filters), escaped as JSON. */
    static void writeProblem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.getWriter().write(JsonMapper.builder().build().writeValueAsString(body));
    }

    /**
     * The REST API called with Basic credentials, or with no session at all, needs no CSRF token: a forged request
     * rides on a browser's session cookie, so the console's own calls to {@code /api/**} (session cookie) must send
     * the token in the {@code X-CSRF-TOKEN} header.
     */
    static boolean apiWithoutSession(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        return (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
                || request.getRequestedSessionId() == null;
    }
}
