package cn.qiying.channels;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

import cn.qiying.platform.web.PublicPaths;

/**
 * The channels module with the platform and handoff's tickets (the real appeal desk), a scripted dialog in place of
 * bot-core's, and a staff chain shaped like handoff's (public paths open, the rest behind HTTP Basic, CSRF except on
 * /api/**) with one in-memory staff user.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"cn.qiying.channels", "cn.qiying.platform", "cn.qiying.handoff"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                // handoff's staff chain, users and console: this test application has its own staff chain
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.qiying\\.handoff\\.(staff|web)\\..*")})
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
        return new InMemoryUserDetailsManager(User.withUsername(STAFF).password("{noop}" + STAFF_PASSWORD).roles("OPERATOR").build());
    }

    @Bean
    SecurityFilterChain staffChain(HttpSecurity http, List<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll().requestMatchers("/error").permitAll().anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
