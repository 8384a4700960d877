package cn.qiying.knowledge;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

/** The knowledge module alone, as its tests start it. */
@SpringBootApplication
@EnableRedisDocumentRepositories(basePackages = "cn.qiying.knowledge")
public class KnowledgeTestApplication {
}
