package cn.qiying.policy.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.KnowledgeSearch;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
import cn.qiying.policy.Api;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.Sheets;
import cn.qiying.policy.Staff;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;
import tools.jackson.databind.JsonNode;

/** The policy library through the API: checked upserts, the Excel import, and each policy answering as a knowledge entry. */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyLibraryTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort int port;
    @Autowired Staff staff;
    @Autowired MovableClock clock;
    @Autowired KnowledgeImport imports;
    @Autowired KnowledgeSearch knowledge;
    Api api;

    @BeforeEach
    void staffUsers() {
        clock.set(PolicyTestApplication.START);
        api = new Api(port);
        staff.create();
    }

    @Test
    void aPolicyIsStoredWithItsConditionsInCodesAndAnswersAsAKnowledgeEntry() {
        Api.Answer created = api.post(Staff.OPERATOR, "/api/policies", """
                {"id": "tech-upgrade-2026", "title": "工业企业技术改造设备投资补助", "summary": "对年度设备投资超过500万元的技术改造项目，按设备投资额的10%给予补助。",
                 "department": "市工业和信息化局", "validFrom": "2026-01-01", "validTo": "2027-06-30", "benefit": "最高补助300万元",
                 "topics": ["资金补贴"], "link": "https://gov.example.cn/zc/2026/01.html",
                 "conditions": {"allTags": ["制造业企业"], "scales": ["大型", "medium"], "industries": ["制造业"]}}""");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        JsonNode p = created.body();
        assertThat(p.get("conditions").get("scales").toString()).isEqualTo("[\"large\",\"medium\"]");
        assertThat(p.get("conditions").get("industries").toString()).isEqualTo("[\"C\"]");
        assertThat(p.get("validTo").asString()).isEqualTo("2027-06-30");
        String importId = p.get("knowledgeImport").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> imports.progress(importId).map(ImportReport::state).orElse(""),
                ImportReport.COMPLETED::equals);
        Answer answer = knowledge.ask("技术改造设备投资补助怎么申请", null);
        assertThat(answer.decision()).isNotEqualTo(Decision.NONE);
        assertThat(answer.best().id()).isEqualTo("policy-tech-upgrade-2026");
        assertThat(answer.best().answer()).contains("最高补助300万元").contains("市工业和信息化局").contains("2027-06-30")
                .contains("/hall/policies/tech-upgrade-2026");
    }

    @Test
    void aBadPolicyIsRefusedWithEveryProblemInChinese() {
        Api.Answer refused = api.post(Staff.OPERATOR, "/api/policies", """
                {"id": "坏 编号", "summary": "x", "department": "市科技局", "validFrom": "2026-05-01", "validTo": "2026-01-01",
                 "topics": ["不存在的主题"], "link": "javascript:alert(1)",
                 "conditions": {"allTags": ["乱写的标签"], "industries": ["Q9"], "scales": ["巨型"]}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).contains("政策编号只能由").contains("缺少政策标题").contains("截止日期早于生效日期")
                .contains("不存在的主题").contains("原文链接").contains("乱写的标签").contains("Q9").contains("巨型");
        assertThat(api.post(Staff.HANDLER, "/api/policies", "{\"id\": \"x\"}").status()).as("handlers read, the centre writes").isEqualTo(403);
        assertThat(api.get(Staff.HANDLER, "/api/policies").status()).isEqualTo(200);
        assertThat(api.get(Staff.OPERATOR, "/api/policies/nope").status()).isEqualTo(404);
        assertThat(api.get(Staff.OPERATOR, "/api/policies/nope/matches").status()).isEqualTo(404);
        assertThat(api.get(Staff.OPERATOR, "/api/policies/" + "a".repeat(300) + "/matches").status()).isEqualTo(404);
    }

    @Test
    void anExcelSheetOfPoliciesImportsItsGoodRowsAndNamesTheBadOnes() {
        byte[] sheet = Sheets.of(List.of("政策编号", "政策标题", "政策摘要", "发文部门", "生效日期", "截止日期", "政策主题", "须同时具备的标签", "适用企业规模"),
                List.of(List.of("x-1", "稳岗返还", "对不裁员或少裁员的企业返还失业保险费", "市人社局", "2026-01-01", "2026-12-31", "人才与就业", "", "小型|微型"),
                        List.of("x-2", "", "缺标题", "市人社局", "", "", "", "", ""),
                        List.of("x-3", "专精特新奖励", "对新认定的专精特新中小企业给予奖励", "市工业和信息化局", "", "", "资金补贴，科技创新", "专精特新中小企业", "")));
        Api.Answer report = api.postBytes(Staff.OPERATOR, "/api/policies/import", XLSX, sheet);
        assertThat(report.status()).as("%s", report.body()).isEqualTo(200);
        assertThat(report.body().get("saved").asInt()).isEqualTo(2);
        assertThat(report.body().get("refused")).singleElement().satisfies(r -> {
            assertThat(r.get("at").asInt()).isEqualTo(3);
            assertThat(r.get("problems").get(0).asString()).isEqualTo("缺少政策标题");
        });
        JsonNode award = api.get(Staff.OPERATOR, "/api/policies/x-3").body();
        assertThat(award.get("topics").toString()).isEqualTo("[\"资金补贴\",\"科技创新\"]");
        assertThat(award.get("conditions").get("allTags").toString()).isEqualTo("[\"专精特新中小企业\"]");
        assertThat(api.get(Staff.OPERATOR, "/api/policies/x-1").body().get("conditions").get("scales").toString()).isEqualTo("[\"small\",\"micro\"]");
        assertThat(api.get(Staff.OPERATOR, "/api/policies?q=专精特新").body().get("items").get(0).get("id").asString()).isEqualTo("x-3");
    }
}
