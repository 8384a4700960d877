package cn.qiying.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.qiying.platform.web.PublicPaths;
import cn.qiying.platform.web.RestrictedPaths;

/**
 * The policy module's settings and paths: the hall is public; reading profiles and policies is for any staff user,
 * changing them and pushing for the centre (admin, operator).
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    @Bean
    PublicPaths policyHallPaths() {
        return PublicPaths.of("/hall", "/hall/**");
    }

    @Bean
    RestrictedPaths policyAdministration() {
        return RestrictedPaths.to("ADMIN", "OPERATOR").writes("/api/enterprises", "/api/enterprises/**",
                "/api/policies", "/api/policies/**");
    }
}
