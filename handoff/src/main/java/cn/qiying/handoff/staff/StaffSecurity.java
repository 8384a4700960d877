package cn.qiying.handoff.staff;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import cn.qiying.platform.web.PublicPaths;

/**
 * Staff authentication: HTTP Basic for the REST API and a session for the console. Paths that modules declare
 * public ({@link PublicPaths}) are open; everything else needs a staff login.
 */
@Configuration
class StaffSecurity {

    @Bean
    PublicPaths operationalPaths() {
        return PublicPaths.of("/actuator/health/**", "/actuator/prometheus", "/actuator/info",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");
    }

    @Bean
    SecurityFilterChain staffChain(HttpSecurity http, List<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll().anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // the REST API is called with Basic credentials, not from a browser form
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
