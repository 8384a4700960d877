package cn.qiying.knowledge.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qiying.platform.web.RestrictedPaths;

/** Every staff user may search and read the knowledge base; only the centre (admin, operator) changes it. */
@Configuration
class KnowledgeAccess {

    @Bean
    RestrictedPaths knowledgeWrites() {
        return RestrictedPaths.to("ADMIN", "OPERATOR").writes("/api/knowledge/**");
    }
}
