package cn.qiying.policy.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.policy.Api;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.Sample;
import cn.qiying.policy.Sheets;
import cn.qiying.policy.Staff;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/** Enterprise profiles (一企一档) through the API: upsert, the three sources of tags, the Excel import, appeals linked by code. */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseProfilesTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String USCC = Sample.uscc(9001);

    @LocalServerPort int port;
    @Autowired Staff staff;
    @Autowired MovableClock clock;
    @Autowired AppealDesk desk;
    @Autowired Tickets events;
    Api api;

    @BeforeEach
    void staffUsers() {
        clock.set(PolicyTestApplication.START);
        api = new Api(port);
        staff.create();
    }

    @Test
    void aProfileIsUpsertedByItsCodeWithTagsFromStaffAndFromItsFacts() {
        Api.Answer created = api.post(Staff.OPERATOR, "/api/enterprises", """
                {"uscc": "%s", "name": "南湖精密机械有限公司", "district": "南湖区", "industry": "制造业", "scale": "小型",
                 "tags": ["高新技术企业"], "contacts": [{"name": "王经理", "phone": "139 1234 5678"}], "founded": "2024-05-01"}
                """.formatted(USCC.toLowerCase()));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        JsonNode p = created.body();
        assertThat(p.get("uscc").asString()).isEqualTo(USCC);
        assertThat(p.get("industry").asString()).isEqualTo("C");
        assertThat(p.get("industryName").asString()).isEqualTo("制造业");
        assertThat(p.get("scale").asString()).isEqualTo("small");
        assertThat(p.get("scaleLabel").asString()).isEqualTo("小型");
        assertThat(strings(p.get("staffTags"))).containsExactly("高新技术企业");
        assertThat(strings(p.get("ruleTags"))).containsExactlyInAnyOrder("制造业企业", "小型企业", "中小微企业", "初创期企业");
        assertThat(strings(p.get("tags"))).contains("高新技术企业", "制造业企业");
        assertThat(p.get("contacts").get(0).get("phone").asString()).isEqualTo("13912345678");
        assertThat(p.get("updatedAt").asString()).endsWith("+08:00");
        assertThat(p.get("appeals").get("total").asLong()).isZero();

        Api.Answer replaced = api.post(Staff.OPERATOR, "/api/enterprises", """
                {"uscc": "%s", "name": "南湖精密机械有限公司", "district": "南湖区", "industry": "I", "scale": "medium", "tags": []}
                """.formatted(USCC));
        assertThat(strings(replaced.body().get("tags"))).containsExactlyInAnyOrder("软件和信息技术服务企业", "中型企业", "中小微企业");
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises?industry=I&q=精密").body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises?industry=C&q=精密").body().get("total").asLong()).as("the old industry left the index").isZero();
    }

    @Test
    void aBadProfileIsRefusedWithEveryProblemInChinese() {
        Api.Answer refused = api.post(Staff.OPERATOR, "/api/enterprises", """
                {"uscc": "91370100MA3C8R1K2X", "district": "南湖区", "industry": "Z", "scale": "巨型", "tags": ["不存在的标签"],
                 "contacts": [{"name": "李", "phone": "12345"}], "founded": "去年"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        String detail = refused.body().get("detail").asString();
        assertThat(detail).contains("统一社会信用代码无效").contains("缺少企业名称").contains("行业“Z”")
                .contains("企业规模“巨型”").contains("不存在的标签").contains("联系电话格式不正确").contains("成立日期格式不正确");
        assertThat(refused.body().get("problems")).hasSize(7);
        assertThat(api.post(Staff.OPERATOR, "/api/enterprises", "[1, \"x\", {\"uscc\": 5}]").status()).isEqualTo(400);
        assertThat(api.post(Staff.OPERATOR, "/api/enterprises", "{not json").status()).isEqualTo(400);
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises/" + Sample.uscc(9999)).status()).isEqualTo(404);
    }

    @Test
    void anArrayWritesTheGoodAndReportsTheBadByPosition() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add("{\"uscc\": \"%s\", \"name\": \"企业%d\", \"district\": \"北山区\"}".formatted(Sample.uscc(9100 + i), i));
        }
        items.add(2, "{\"uscc\": \"bad\", \"name\": \"坏数据\", \"district\": \"北山区\"}");
        Api.Answer report = api.post(Staff.OPERATOR, "/api/enterprises", "[" + String.join(",", items) + "]");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("received").asInt()).isEqualTo(6);
        assertThat(report.body().get("saved").asInt()).isEqualTo(5);
        assertThat(report.body().get("refused")).singleElement().satisfies(r -> {
            assertThat(r.get("at").asInt()).isEqualTo(2);
            assertThat(r.get("problems").get(0).asString()).contains("统一社会信用代码无效");
        });
    }

    @Test
    void anExcelSheetWithChineseHeadersImportsItsGoodRowsAndNamesTheBadOnes() {
        byte[] sheet = Sheets.of(List.of("统一社会信用代码", "企业名称", "所在区县", "所属行业", "企业规模", "企业标签", "联系人", "联系电话", "成立日期"),
                List.of(List.of(Sample.uscc(9201), "临江食品有限公司", "临江县", "C", "微型", "民营企业、进出口企业", "陈经理，孙会计", "13800002222，0531-66667777", "2010-03-01"),
                        List.of("12345", "无效代码公司", "临江县", "C", "微型", "", "", "", ""),
                        List.of(Sample.uscc(9202), "临江物流有限公司", "临江县", "交通运输、仓储和邮政业", "medium", "", "", "", ""),
                        List.of(Sample.uscc(9203), "", "临江县", "X", "", "", "", "", "")));
        Api.Answer report = api.postBytes(Staff.OPERATOR, "/api/enterprises/import", XLSX, sheet);
        assertThat(report.status()).as("%s", report.body()).isEqualTo(200);
        assertThat(report.body().get("saved").asInt()).isEqualTo(2);
        assertThat(report.body().get("refused")).hasSize(2);
        assertThat(report.body().get("refused").get(0).get("at").asInt()).as("Excel's row number").isEqualTo(3);
        assertThat(report.body().get("refused").get(1).get("at").asInt()).isEqualTo(5);
        assertThat(report.body().get("refused").get(1).get("problems").toString()).contains("缺少企业名称").contains("行业“X”");

        JsonNode food = api.get(Staff.OPERATOR, "/api/enterprises/" + Sample.uscc(9201)).body();
        assertThat(strings(food.get("staffTags"))).containsExactlyInAnyOrder("民营企业", "进出口企业");
        assertThat(food.get("contacts")).hasSize(2);
        assertThat(food.get("contacts").get(1).get("name").asString()).isEqualTo("孙会计");
        assertThat(strings(food.get("ruleTags"))).contains("成熟期企业", "微型企业");
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises/" + Sample.uscc(9202)).body().get("industry").asString()).isEqualTo("G");

        assertThat(api.postBytes(Staff.OPERATOR, "/api/enterprises/import", XLSX, "not a workbook".getBytes()).body().get("detail").asString())
                .contains("没有一条");
        assertThat(api.postBytes(Staff.HANDLER, "/api/enterprises/import", XLSX, sheet).status()).as("a handler may not import").isEqualTo(403);
    }

    @Test
    void anAppealFillsInAMissingProfileAndSuggestsTagsStaffConfirm() {
        String code = Sample.uscc(9301);
        desk.submit(new NewAppeal("mp", "wxpolicy0001", "o-appeal-1", "help", "海港贸易有限公司", code, "周经理", "13700001111",
                "临江县", "外贸", "我司出口货物报关时遇到退税进度缓慢的问题，希望协调海关和税务部门加快办理。", List.of(), null, null));
        events.drainEvents();
        JsonNode profile = api.get(Staff.OPERATOR, "/api/enterprises/" + code).body();
        assertThat(profile.get("name").asString()).isEqualTo("海港贸易有限公司");
        assertThat(profile.get("source").asString()).isEqualTo("appeal");
        assertThat(profile.get("district").asString()).isEqualTo("临江县");
        assertThat(profile.get("contacts").get(0).get("name").asString()).isEqualTo("周经理");
        assertThat(profile.get("appeals").get("total").asLong()).isEqualTo(1);
        assertThat(profile.get("appeals").get("latest").get(0).get("no").asString()).startsWith("QY");
        assertThat(profile.get("suggestedTags")).singleElement().satisfies(s -> assertThat(s.get("tag").asString()).isEqualTo("进出口企业"));

        JsonNode confirmed = api.post(Staff.OPERATOR, "/api/enterprises/" + code + "/tag-suggestions/进出口企业", "{\"accept\": true}").body();
        assertThat(strings(confirmed.get("confirmedTags"))).containsExactly("进出口企业");
        assertThat(strings(confirmed.get("tags"))).contains("进出口企业");
        // staff's later upsert replaces their own tags, not the one they confirmed from the appeal
        api.post(Staff.OPERATOR, "/api/enterprises", "{\"uscc\": \"%s\", \"name\": \"海港贸易有限公司\", \"district\": \"临江县\", \"tags\": [\"民营企业\"]}".formatted(code));
        JsonNode after = api.get(Staff.OPERATOR, "/api/enterprises/" + code).body();
        assertThat(strings(after.get("tags"))).contains("民营企业", "进出口企业");
        assertThat(after.get("source").asString()).isEqualTo("staff");
        assertThat(after.get("suggestedTags")).isEmpty();

        events.drainEvents();
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises/" + code).body().get("suggestedTags")).as("a handled event is not handled twice").isEmpty();
        assertThat(api.get(Staff.HANDLER, "/api/enterprises/" + code).body().get("appeals").get("total").asLong())
                .as("a handler sees only its department's appeals").isZero();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
