package cn.qiying.channels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import cn.qiying.platform.web.PublicPaths;
import cn.qiying.platform.web.RestrictedPaths;

/**
 * What the channels serve without a staff login. WeChat callbacks are authenticated by their signatures and the
 * mini-program API by its session token, so their own filter chain has no session and no CSRF token (WeChat cannot
 * send one); the card landing page stays on the staff chain, which keeps CSRF protection for its form.
 */
@Configuration
class ChannelSecurity {

    static final String[] MACHINE_PATHS = {"/wechat/**", "/api/ma/**"};

    @Bean
    PublicPaths channelPaths() {
        return PublicPaths.of("/wechat/**", "/q/**", "/api/ma/**", "/simulator/**", "/simulator", "/channels/*.js",
                "/api/cards/*/qr.png", "/MP_verify_*.txt");
    }

    /** Issuing cards and publishing the menu are the centre's (admin, operator); undelivered replies hold users' messages. */
    @Bean
    RestrictedPaths channelAdministration() {
        return RestrictedPaths.to("ADMIN", "OPERATOR").writes("/api/cards/**", "/api/wechat/menu/**", "/api/wechat/menu");
    }

    /** The go-live check shows which settings are wrong, so it is the admins'. */
    @Bean
    RestrictedPaths goLiveAdministration() {
        return RestrictedPaths.to("ADMIN").everything("/api/wechat/go-live");
    }

    @Bean
    RestrictedPaths undeliveredReplies() {
        return RestrictedPaths.to("ADMIN", "OPERATOR", "SUPERVISOR").everything("/api/wechat/undelivered");
    }

    @Bean
    @Order(10)
    SecurityFilterChain wechatChain(HttpSecurity http) throws Exception {
        http.securityMatcher(MACHINE_PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
