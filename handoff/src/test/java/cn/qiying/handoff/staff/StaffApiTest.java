package cn.qiying.handoff.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.StaffApi;
import cn.qiying.handoff.Steps;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.testing.RealRedis;

/** Staff accounts over REST: only the admin provisions them, with the console's rules, and no hash ever leaves. */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffApiTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired AppealDesk appeals;
    @Autowired Steps steps;
    StaffApi api;

    @BeforeEach
    void setUp() {
        desk.staff();
        api = new StaffApi(port);
    }

    @Test
    void theAdminProvisionsAHandlerWhoThenSeesOnlyItsDepartment() {
        String account = "{\"displayName\":\"税务局 李四\",\"password\":\"" + TestDesk.password("tax-li") + "\","
                + "\"roles\":[\"handler\"],\"department\":\"swj\"}";
        var created = api.put("admin1", "/api/staff/tax-li", account);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("roles").toString()).isEqualTo("[\"handler\"]");
        assertThat(created.body().get("department").asString()).isEqualTo("swj");
        assertThat(created.body().toString()).doesNotContain("password").doesNotContain("$2a$");

        String tax = Fixtures.done(appeals.submit(Fixtures.appeal("staff-api-1", "出口退税办理进度缓慢"))).no();
        String market = Fixtures.done(appeals.submit(Fixtures.appeal("staff-api-2", "营业执照变更登记"))).no();
        steps.act(tax, TestDesk.OPERATOR, "triage", "{\"complexity\": \"simple\"}");
        steps.act(tax, TestDesk.OPERATOR, "assign", "{\"department\": \"swj\"}");
        steps.act(market, TestDesk.OPERATOR, "triage", "{\"complexity\": \"simple\"}");
        steps.act(market, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");
        assertThat(api.get("tax-li", "/api/tickets/" + tax).status()).as("the new handler logs in and sees its ticket").isEqualTo(200);
        assertThat(api.get("tax-li", "/api/tickets/" + market).status()).as("not another department's").isEqualTo(404);

        var listed = api.get("admin1", "/api/staff");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().toString()).contains("\"username\":\"tax-li\"").doesNotContain("$2a$").doesNotContain("passwordHash");
    }

    @Test
    void onlyTheAdminAndOnlyValidAccounts() {
        String valid = "{\"displayName\":\"x\",\"password\":\"long-enough-1\",\"roles\":[\"operator\"]}";
        for (String user : new String[] {"operator", "supervisor", "market"}) {
            assertThat(api.put(user, "/api/staff/intruder", valid).status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/staff").status()).as(user).isEqualTo(403);
        }
        assertThat(api.put(null, "/api/staff/intruder", valid).status()).isEqualTo(401);
        assertThat(api.get("admin1", "/api/staff").body().toString()).doesNotContain("intruder");

        assertProblem(api.put("admin1", "/api/staff/short", "{\"password\":\"short\",\"roles\":[\"operator\"]}"), "密码至少");
        assertProblem(api.put("admin1", "/api/staff/norole", "{\"password\":\"long-enough-1\",\"roles\":[]}"), "至少要有一个角色");
        assertProblem(api.put("admin1", "/api/staff/badrole", "{\"password\":\"long-enough-1\",\"roles\":[\"root\"]}"), "未知角色");
        assertProblem(api.put("admin1", "/api/staff/nodept", "{\"password\":\"long-enough-1\",\"roles\":[\"handler\"]}"), "必须属于一个部门");
        assertProblem(api.put("admin1", "/api/staff/baddept",
                "{\"password\":\"long-enough-1\",\"roles\":[\"handler\"],\"department\":\"nope\"}"), "部门不存在");
        assertProblem(api.put("admin1", "/api/staff/bad%20name", valid), "用户名");
        assertThat(api.get("admin1", "/api/staff").body().toString()).doesNotContain("short").doesNotContain("norole")
                .doesNotContain("badrole").doesNotContain("nodept").doesNotContain("baddept");
    }

    private static void assertProblem(StaffApi.Answer answer, String detail) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).contains(detail);
    }
}
