package cn.qiying.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.redis.om.spring.annotations.EnableRedisDocumentRepositories;

/** Qiying 企应: the enterprise-appeals bot backend. Every module's beans live under cn.qiying. */
@SpringBootApplication(scanBasePackages = "cn.qiying")
@EnableRedisDocumentRepositories(basePackages = "cn.qiying")
public class QiyingApplication {

    public static void main(String[] args) {
        SpringApplication.run(QiyingApplication.class, args);
    }
}
