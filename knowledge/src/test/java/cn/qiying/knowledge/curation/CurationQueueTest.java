package cn.qiying.knowledge.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.Http;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.entry.KnowledgeEntries;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import tools.jackson.databind.JsonNode;

/** Unanswered and unhelpful questions are grouped for the centre, and a group becomes knowledge the bot answers with. */
@KnowledgeTest
class CurationQueueTest {

    static final List<String> STREET_LIGHT = List.of("园区门口的路灯坏了找谁修", "园区门口路灯坏了找谁修理",
            "园区门口的路灯坏了该找谁修");

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeEntries entries;
    @Autowired
    KnowledgeEntryRepository repository;
    @Autowired
    CurationQueue queue;
    Http http;

    @BeforeEach
    void base() {
        http = new Http(port);
        repository.deleteAll();
        queue.groups().forEach(queue::dismiss);
        http.post("/api/knowledge/import", "application/x-ndjson", """
                {"id": "kb-licence", "question": "如何办理营业执照？", "similarQuestions": ["营业执照怎么申请"], "answer": "到政务服务中心市场监管窗口办理。"}
                {"id": "kb-patent", "question": "怎样申请发明专利？", "similarQuestions": ["专利申请流程"], "answer": "向国家知识产权局提交申请。"}
                """);
    }

    @Test
    void threeUnansweredVariantsAreOneGroupThatBecomesAnEntryTheBotThenAnswers() {
        for (String q : STREET_LIGHT) {
            assertThat(search.ask(q, null).decision()).as(q).isEqualTo(Decision.NONE);
        }
        search.ask("今天晚上吃什么好呢", null);
        search.ask(STREET_LIGHT.get(0), null);

        JsonNode groups = http.get("/api/knowledge/curation").json();
        JsonNode first = groups.get(0);
        assertThat(first.get("count").asInt()).isEqualTo(4);
        assertThat(first.get("questions")).hasSize(3);
        assertThat(first.get("questions").get(0).get("text").asString()).isEqualTo(STREET_LIGHT.get(0));
        assertThat(first.get("questions").get(0).get("unanswered").asInt()).isEqualTo(2);
        assertThat(groups).hasSize(2);

        Http.Response created = http.post("/api/knowledge/curation/" + first.get("id").asString() + "/entry",
                "application/json", """
                {"id": "kb-street-light", "answer": "园区道路照明由园区管委会负责维修，可拨打管委会服务电话报修。", "category": "园区服务"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("question").asString()).isEqualTo(STREET_LIGHT.get(0));
        assertThat(created.json().get("similarQuestions")).hasSize(2);

        Answer again = search.ask(STREET_LIGHT.get(1), null);
        assertThat(again.decision()).isEqualTo(Decision.ANSWER);
        assertThat(again.best().id()).isEqualTo("kb-street-light");
        assertThat(http.get("/api/knowledge/curation").json()).hasSize(1);
    }

    @Test
    void anAnswerRatedNotUsefulBecomesASimilarQuestionOfTheRightEntry() {
        String question = "想开一家奶茶店先办什么";
        search.feedback(question, "kb-patent", false);

        JsonNode group = http.get("/api/knowledge/curation").json().get(0);
        assertThat(group.get("questions").get(0).get("notUseful").asInt()).isEqualTo(1);

        JsonNode entry = http.post("/api/knowledge/curation/" + group.get("id").asString() + "/similar",
                "application/json", "{\"entryId\": \"kb-licence\"}").json();
        assertThat(entry.get("similarQuestions").toString()).contains(question);
        assertThat(entries.find("kb-licence").orElseThrow().getSimilarQuestions()).contains(question);
        assertThat(http.get("/api/knowledge/curation").json()).isEmpty();
    }

    @Test
    void unknownGroupsAndEntriesAreProblemsNotErrors() {
        search.ask(STREET_LIGHT.get(0), null);
        String id = http.get("/api/knowledge/curation").json().get(0).get("id").asString();

        assertThat(http.post("/api/knowledge/curation/nope/entry", "application/json", "{\"answer\": \"x\"}").status())
                .isEqualTo(404);
        Http.Response noEntry = http.post("/api/knowledge/curation/" + id + "/similar", "application/json",
                "{\"entryId\": \"kb-none\"}");
        assertThat(noEntry.status()).isEqualTo(404);
        assertThat(noEntry.json().get("detail").asString()).isNotBlank();
        assertThat(http.post("/api/knowledge/curation/" + id + "/entry", "application/json", "{}").status())
                .isEqualTo(400);
        assertThat(http.delete("/api/knowledge/curation/" + id).status()).isEqualTo(204);
    }

    @Test
    void theWeeksShowTheShareAnsweredAtOnce() {
        search.ask("营业执照怎么申请", null);
        search.ask(STREET_LIGHT.get(0), null);
        // staff trying the base are not users: the search endpoint does not count
        http.get("/api/knowledge/search?q=" + URLEncoder.encode("专利申请流程", StandardCharsets.UTF_8));

        JsonNode week = http.get("/api/knowledge/curation/weeks").json().get(0);
        assertThat(week.get("week").asString()).isEqualTo("2026-W47");
        assertThat(week.get("asked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(week.get("instantRate").asDouble())
                .isEqualTo((double) week.get("answered").asLong() / week.get("asked").asLong());
    }
}
