package cn.qiying.app.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qiying.app.QiyingApplication;
import cn.qiying.testing.RealRedis;

/** A real WeChat account on an address only this machine can reach is refused at start-up; the demo still starts. */
@ExtendWith(RealRedis.class)
class PublicAddressStartupTest {

    private static final String[] REAL_ACCOUNT = {"server.port=0", "qiying.wechat.mp.app-id=wxmp0000000000live",
            "qiying.wechat.mp.secret=s", "qiying.wechat.mp.token=t", "qiying.tickets.background=false"};

    @Test
    void aRealAccountOnALocalAddressIsRefused() {
        assertThatThrownBy(() -> start("qiying.demo.enabled=false", "qiying.public-base-url=http://localhost:8080").close())
                .rootCause().hasMessageContaining("qiying.public-base-url is http://localhost:8080");
        assertThatThrownBy(() -> start("qiying.demo.enabled=false", "qiying.public-base-url=http://10.0.0.8").close())
                .rootCause().hasMessageContaining("only this machine can reach");
    }

    @Test
    void theDemoAndAPublicAddressStart() {
        try (ConfigurableApplicationContext demo = start("qiying.demo.enabled=true", "qiying.public-base-url=http://localhost:8080")) {
            assertThat(demo.isActive()).isTrue();
        }
        try (ConfigurableApplicationContext live = start("qiying.demo.enabled=false", "qiying.public-base-url=https://qy.example.gov.cn")) {
            assertThat(live.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... more) {
        // as command-line arguments, which win over application.yml (builder properties are only defaults)
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(REAL_ACCOUNT), java.util.Arrays.stream(more))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(QiyingApplication.class).run(args);
    }
}
