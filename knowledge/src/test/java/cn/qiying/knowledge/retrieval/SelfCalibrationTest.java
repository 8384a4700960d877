package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Http;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import tools.jackson.databind.JsonNode;

/** The base measures itself after an import and again after the base changed; staff see both over REST. */
@KnowledgeTest
class SelfCalibrationTest {

    @LocalServerPort
    int port;
    Http http;

    @Autowired
    KnowledgeEntryRepository repository;
    @Autowired
    BaseVersion versions;

    @BeforeEach
    void emptyBase() {
        http = new Http(port);
        repository.deleteAll();
    }

    @Test
    void anImportedBaseIsMeasuredAndAChangedOneMeasuredAgain() throws Exception {
        assertThat(http.post("/api/knowledge/import", "application/x-ndjson", resource("base-v1.jsonl")).status())
                .isEqualTo(200);

        JsonNode first = completedFor(versions.current());
        assertThat(first.get("entries").asInt()).isEqualTo(12);
        // each of the 24 similar questions as it is and after small talk; each entry's question and first similar
        // question with the entry left out; and the small talk of the data file
        assertThat(first.at("/measured/positives").asInt()).isEqualTo(48);
        assertThat(first.at("/measured/nearMisses").asInt()).isEqualTo(24);
        assertThat(first.at("/measured/far").asInt()).isPositive();
        assertThat(first.at("/thresholds/fitted").asBoolean()).isTrue();
        for (String figure : new String[] {"hitAt1", "answeredRightly", "wrong", "helpful", "declinedNear", "declinedFar"}) {
            assertThat(first.at("/measured/" + figure).asDouble()).as(figure).isBetween(0.0, 1.0);
        }
        assertThat(first.at("/measured/wrong").asDouble()).isLessThanOrEqualTo(first.get("targetWrongRate").asDouble());
        assertThat(first.at("/measured/hitAt1").asDouble()).isGreaterThan(0.5);

        JsonNode search = http.get("/api/knowledge/search?q=" + java.net.URLEncoder.encode("营业执照怎么申请",
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(search.get("thresholds")).isEqualTo(first.get("thresholds"));
        assertThat(search.at("/measured/positives").asInt()).isEqualTo(48);

        assertThat(http.post("/api/knowledge/import", "application/x-ndjson", resource("base-v2.jsonl")).status())
                .isEqualTo(200);

        JsonNode second = completedFor(versions.current());
        assertThat(second.get("entries").asInt()).isEqualTo(15);
        assertThat(second.at("/measured/positives").asInt()).isEqualTo(60);
        assertThat(second.at("/thresholds/fitted").asBoolean()).isTrue();
        assertThat(second.get("baseVersion").asLong()).isGreaterThan(first.get("baseVersion").asLong());
    }

    @Test
    void aBaseTooSmallToSayMuchKeepsTheConfiguredThresholdsAndShowsItsFigures() throws Exception {
        http.post("/api/knowledge/import", "application/x-ndjson", """
                {"id": "tiny-1", "question": "如何办理营业执照？", "similarQuestions": ["营业执照怎么申请"], "answer": "到政务服务中心办理。"}
                {"id": "tiny-2", "question": "怎样申请发明专利？", "similarQuestions": ["专利申请流程"], "answer": "向国家知识产权局申请。"}
                """);

        JsonNode c = completedFor(versions.current());
        assertThat(c.at("/thresholds/fitted").asBoolean()).isFalse();
        assertThat(c.at("/measured/positives").asInt()).isEqualTo(4);
    }

    private JsonNode completedFor(long version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        JsonNode c = null;
        while (System.currentTimeMillis() < deadline) {
            c = http.get("/api/knowledge/calibration").json();
            if ("completed".equals(c.get("state").asString()) && c.get("baseVersion").asLong() >= version) {
                return c;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no completed calibration of base version " + version + ": " + c);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SelfCalibrationTest.class.getResourceAsStream("/calibration/" + name)) {
            return in.readAllBytes();
        }
    }
}
