package cn.qiying.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Http;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.entry.KnowledgeEntries;

/** The operator's own synonyms: empty by default, edited over REST, applied after the base's own words. */
@KnowledgeTest
class OperatorSynonymsTest {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeEntries entries;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    HybridRetrieval retrieval;
    Http http;

    @BeforeEach
    void base() {
        http = new Http(port);
        http.put("/api/knowledge/synonyms", "{}");
        entries.save(HybridKnowledgeSearchTest.draft("kb-licence", "如何办理营业执照？", List.of("营业执照怎么申请"),
                "到政务服务中心市场监管窗口办理。", "市场准入"), "test");
        entries.save(HybridKnowledgeSearchTest.draft("kb-patent", "怎样申请发明专利？", List.of("专利申请流程"),
                "向国家知识产权局提交申请。", "知识产权"), "test");
    }

    @Test
    void aLocalWordTheBaseDoesNotUseIsReadAsTheOperatorSays() {
        assertThat(http.get("/api/knowledge/synonyms").json().isEmpty()).isTrue();
        assertThat(retrieval.query("开办通怎么弄")).isEqualTo("开办通怎么弄");

        Http.Response saved = http.put("/api/knowledge/synonyms", "{\"开办通\": \"营业执照\", \"ip\": \"知识产权 专利\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("开办通").asString()).isEqualTo("营业执照");
        assertThat(retrieval.query("开办通怎么弄")).isEqualTo("开办通怎么弄 营业执照");
        assertThat(search.ask("开办通怎么弄", null).best().id()).isEqualTo("kb-licence");
        assertThat(retrieval.query("ip申请流程")).contains("知识产权 专利");
        // a Latin word only as a whole word
        assertThat(retrieval.query("zip申请流程")).doesNotContain("知识产权");
    }

    @Test
    void oversizedOrEmptySynonymsAreRefusedWithAProblem() {
        Http.Response r = http.put("/api/knowledge/synonyms", "{\"" + "长".repeat(21) + "\": \"营业执照\", \"空\": \"\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("codes").toString()).contains("knowledge.synonyms.invalid");
        assertThat(http.get("/api/knowledge/synonyms").json().isEmpty()).isTrue();
    }
}
