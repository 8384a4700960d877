package cn.qiying.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qiying.app.QiyingApplication;
import cn.qiying.testing.RealRedis;

/** With logging.structured.format.console set, every log line is one JSON object, personal data masked as in text lines. */
@ExtendWith({RealRedis.class, OutputCaptureExtension.class})
class JsonLogsTest {

    private static final String LINE = "json-log-check 联系电话 13912345678 信用代码 91370100MA3C8R1K2G";

    @Test
    void jsonLinesMaskPhonesAndCreditCodes(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--logging.structured.format.console=ecs")) {
            LoggerFactory.getLogger(JsonLogsTest.class).info(LINE);
        }
        List<String> mine = Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("json-log-check")).toList();
        assertThat(mine).singleElement().satisfies(line -> {
            assertThat(line).startsWith("{").endsWith("}").contains("\"log\":{\"level\":\"INFO\"").contains("\"ecs\":{\"version\"");
            assertThat(line).contains("139****5678").contains("9137************2G");
            assertThat(line).doesNotContain("13912345678").doesNotContain("91370100MA3C8R1K2G");
        });
        assertThat(output.getOut().lines().filter(l -> l.contains("Started QiyingApplication"))).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void textLinesByDefault(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            LoggerFactory.getLogger(JsonLogsTest.class).info(LINE);
        }
        List<String> mine = Arrays.stream(output.getOut().split("\n")).filter(l -> l.contains("json-log-check")).toList();
        assertThat(mine).singleElement().satisfies(line -> {
            assertThat(line).doesNotStartWith("{").contains(" INFO ").contains("139****5678").doesNotContain("13912345678");
        });
    }

    private static ConfigurableApplicationContext start(String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0", "--qiying.tickets.background=false"),
                Arrays.stream(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(QiyingApplication.class).run(args);
    }
}
