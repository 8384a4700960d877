package cn.qiying.knowledge.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Http;
import cn.qiying.knowledge.KnowledgeTest;
import tools.jackson.databind.JsonNode;

@KnowledgeTest
class KnowledgeEntryEndpointTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void staffCreateReadReplaceAndDeleteAnEntry() {
        Http.Response created = http.post("/api/knowledge/entries", "application/json", """
                {"id": "kb-crud", "question": "如何申请排污许可证？", "similarQuestions": ["排污证怎么办"],
                 "answer": "通过全国排污许可证管理信息平台申请。", "category": "生态环境", "validTo": "2030-12-31"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("updatedBy").asString()).isEqualTo("staff");
        assertThat(created.json().get("updatedAt").asString()).endsWith("+08:00");
        assertThat(created.json().has("vector")).isFalse();

        JsonNode read = http.get("/api/knowledge/entries/kb-crud").json();
        assertThat(read.get("similarQuestions").get(0).asString()).isEqualTo("排污证怎么办");
        assertThat(read.get("validTo").asString()).isEqualTo("2030-12-31");

        Http.Response replaced = http.put("/api/knowledge/entries/kb-crud",
                "{\"question\": \"排污许可证如何申领？\", \"answer\": \"新答案\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(http.get("/api/knowledge/entries/kb-crud").json().get("answer").asString()).isEqualTo("新答案");

        JsonNode page = http.get("/api/knowledge/entries?page=0&size=10").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo("kb-crud");

        assertThat(http.delete("/api/knowledge/entries/kb-crud").status()).isEqualTo(204);
        assertThat(http.get("/api/knowledge/entries/kb-crud").status()).isEqualTo(404);
        assertThat(http.delete("/api/knowledge/entries/kb-crud").status()).isEqualTo(404);
    }

    @Test
    void anIncompleteEntryIsABadRequestWithTheReasons() {
        Http.Response r = http.post("/api/knowledge/entries", "application/json",
                "{\"id\": \"kb-bad\", \"question\": \"\", \"validFrom\": \"2026-05-01\", \"validTo\": \"2026-01-01\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("codes").toString()).contains("knowledge.import.question-missing",
                "knowledge.import.answer-missing", "knowledge.import.validity-reversed");
        assertThat(r.json().get("detail").asString()).isNotBlank();
        assertThat(http.put("/api/knowledge/entries/a", "{\"id\": \"b\", \"question\": \"问\", \"answer\": \"答\"}")
                .status()).isEqualTo(400);
        assertThat(http.post("/api/knowledge/entries", "application/json", "{not json").status()).isEqualTo(400);
        assertThat(http.get("/api/knowledge/entries?size=100000").status()).isEqualTo(400);
    }

    @Test
    void searchShowsTheDecisionAndRankedEntriesWithScores() {
        http.post("/api/knowledge/import", "application/json", """
                [{"id": "kb-s1", "question": "如何申请食品经营许可证？", "similarQuestions": ["卖食品要什么证"], "answer": "在线申请。"},
                 {"id": "kb-s2", "question": "怎样申请发明专利？", "answer": "向国家知识产权局提交。"}]""");

        JsonNode r = http.get("/api/knowledge/search?q=" + java.net.URLEncoder.encode("开店卖食品需要办什么许可证",
                java.nio.charset.StandardCharsets.UTF_8)).json();

        assertThat(r.get("decision").asString()).isIn("answer", "suggest");
        assertThat(r.get("results").get(0).get("id").asString()).isEqualTo("kb-s1");
        assertThat(r.get("results").get(0).get("question").asString()).isEqualTo("如何申请食品经营许可证？");
        assertThat(r.get("results").get(0).get("score").asDouble()).isGreaterThan(0);
        assertThat(http.get("/api/knowledge/search?q=").status()).isEqualTo(400);
        assertThat(http.get("/api/knowledge/search?q=%40question%3A%7B*%7D%20%7C%20-%22%25%5C").status()).isEqualTo(200);
    }
}
