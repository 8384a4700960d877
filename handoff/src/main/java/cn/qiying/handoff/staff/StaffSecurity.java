package cn.qiying.handoff.staff;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import cn.qiying.platform.web.PublicPaths;

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
    SecurityFilterChain staffChain(HttpSecurity http, List<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("qiying");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                // the API answers 401 with a Basic challenge, never a redirect to the login page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(basic, PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                // the REST API is called with Basic credentials, not from a browser form
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
