package cn.qiying.channels;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

import cn.qiying.platform.web.PublicPaths;

/**
 * The channels module on its own: its beans, the platform, a scripted dialog in place of bot-core's, and a staff
 * chain shaped like handoff's (public paths open, the rest behind HTTP Basic, CSRF except on /api/**).
 */
@SpringBootApplication(scanBasePackages = {"cn.qiying.channels", "cn.qiying.platform"})
@EnableRedisDocumentRepositories(basePackages = "cn.qiying.channels")
public class ChannelsTestApplication {

    public static final String STAFF = "staff";
    public static final String STAFF_PASSWORD = "staff-secret";

    @Bean
    ScriptedDialog scriptedDialog() {
        return new ScriptedDialog();
    }

    @Bean
    UserDetailsService staffUsers() {
        return new InMemoryUserDetailsManager(User.withUsername(STAFF).password("{noop}" + STAFF_PASSWORD).roles("STAFF").build());
    }

    @Bean
    SecurityFilterChain staffChain(HttpSecurity http, List<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll().anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
