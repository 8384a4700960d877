package cn.qiying.knowledge.retrieval;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KnowledgeProperties.class, CalibrationProperties.class})
class RetrievalConfiguration {

    /** Runs a search's full-text half while the asking thread embeds the query. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService knowledgeTextSearch(KnowledgeProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.textSearchThreads(), r -> {
            Thread t = new Thread(r, "knowledge-text-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
