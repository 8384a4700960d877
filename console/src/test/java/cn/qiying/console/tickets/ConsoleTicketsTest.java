package cn.qiying.console.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.handoff.Fixtures;
import cn.qiying.testing.MovableClock;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.testing.RealRedis;
import cn.qiying.console.ConsoleClient;

/** The console's ticket pages over HTTP with a real session: login, queues, scoping, CSRF, actions and escaping. */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleTicketsTest {

    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)> 融资贷款难";

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired MovableClock clock;
    @Autowired AppealDesk appeals;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-12T02:00:00Z"));
        desk.staff();
    }

    private String file(String description) {
        NewAppeal a = Fixtures.appeal("o-" + System.nanoTime(), description);
        return Fixtures.done(appeals.submit(a)).no();
    }

    @Test
    void withoutLoginTheConsoleSendsTheBrowserToTheLoginPage() {
        var page = new ConsoleClient(port).get("/console/tickets");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        var login = new ConsoleClient(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").contains("用户名");
        // the login page's own script and style load without a login (a Basic challenge would stop the browser)
        assertThat(new ConsoleClient(port).get("/console/console.js").status()).isEqualTo(200);
        assertThat(new ConsoleClient(port).get("/console/console.css").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageAndLogoutEndsTheSession() {
        var client = new ConsoleClient(port);
        assertThat(client.login("operator", "wrong").location()).contains("/login?error");
        var ok = client.login("operator", TestDesk.password("operator"));
        assertThat(ok.location()).doesNotContain("error");
        assertThat(client.get("/console/tickets").status()).isEqualTo(200);
        assertThat(client.post("/logout", Map.of()).location()).contains("/login?logout");
        assertThat(client.get("/console/tickets").status()).isEqualTo(302);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String no = file("企业申请应急转贷资金支持");
        var operator = ConsoleClient.loggedIn(port, "operator");
        operator.get("/console/tickets/" + no);
        var forged = operator.post("/console/tickets/" + no + "/triage", Map.of("complexity", "simple"), null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(operator.get("/console/tickets/" + no).body()).doesNotContain("已研判</span>");
    }

    @Test
    void theCentreTriagesAndAssignsAndTheDepartmentAcceptsAndResolvesAndTheCentreReviews() {
        String no = file("想咨询营业执照变更登记需要哪些材料，网上办理一直失败");
        var operator = ConsoleClient.loggedIn(port, "operator");
        var triageQueue = operator.get("/console/tickets?queue=triage");
        assertThat(triageQueue.body()).contains(no).contains("id=\"queue-triage\"");

        var page = operator.get("/console/tickets/" + no);
        assertThat(page.body()).contains("id=\"action-triage\"").contains("id=\"action-reject\"").doesNotContain("id=\"action-accept\"");
        assertThat(operator.post("/console/tickets/" + no + "/triage", Map.of("complexity", "simple", "category", "市场准入")).location())
                .endsWith("/console/tickets/" + no);
        page = operator.get("/console/tickets/" + no);
        assertThat(page.body()).contains("已研判").contains("<dd>简单</dd>").contains("id=\"action-assign\"")
                .contains("将推送给企业").contains("已交办");
        operator.post("/console/tickets/" + no + "/assign", Map.of("department", "scjgj"));

        var market = ConsoleClient.loggedIn(port, "market");
        assertThat(market.get("/console/tickets?queue=mine").body()).contains(no).doesNotContain("id=\"queue-triage\"");
        var marketPage = market.get("/console/tickets/" + no);
        assertThat(marketPage.body()).contains("id=\"action-accept\"").contains("id=\"action-return\"").doesNotContain("id=\"action-assign\"");
        market.post("/console/tickets/" + no + "/accept", Map.of());
        market.get("/console/tickets/" + no);
        market.post("/console/tickets/" + no + "/resolve", Map.of("result", "已电话指导企业补齐材料并完成变更登记"));
        assertThat(market.get("/console/tickets/" + no).body()).contains("已办结待质检");

        assertThat(operator.get("/console/tickets?queue=review").body()).contains(no);
        operator.get("/console/tickets/" + no);
        operator.post("/console/tickets/" + no + "/review", Map.of("passed", "true"));
        var done = operator.get("/console/tickets/" + no);
        assertThat(done.body()).contains("已办结待评价").contains("market").contains("operator");
    }

    @Test
    void aDepartmentHandlerCannotOpenOrActOnAnotherDepartmentsTicket() {
        String no = file("招聘补贴什么时候发放，社保缴纳证明怎么开");
        var operator = ConsoleClient.loggedIn(port, "operator");
        operator.get("/console/tickets/" + no);
        operator.post("/console/tickets/" + no + "/triage", Map.of("complexity", "general"));
        operator.get("/console/tickets/" + no);
        operator.post("/console/tickets/" + no + "/assign", Map.of("department", "rsj"));

        var market = ConsoleClient.loggedIn(port, "market");
        var page = market.get("/console/tickets/" + no);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("不存在").doesNotContain("社保缴纳证明");
        assertThat(market.get("/console/tickets?q=" + no).body()).doesNotContain("社保缴纳证明");
        assertThat(market.get("/console/tickets?q=社保").body()).doesNotContain(no);
        market.get("/console/tickets");
        var forced = market.post("/console/tickets/" + no + "/accept", Map.of());
        assertThat(forced.location()).endsWith("/console/tickets/" + no);
        assertThat(ConsoleClient.loggedIn(port, "labour").get("/console/tickets/" + no).body()).contains("已交办").contains("id=\"action-accept\"");
    }

    @Test
    void whatTheEnterpriseTypedIsShownAsTextNeverAsMarkup() {
        String no = file(PAYLOAD);
        var operator = ConsoleClient.loggedIn(port, "operator");
        for (String path : new String[] {"/console/tickets/" + no, "/console/tickets?queue=triage", "/console/tickets?q=融资"}) {
            String body = operator.get(path).body();
            assertThat(body).as(path).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                    .doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
    }

    @Test
    void theApiTakesTheConsoleSessionOnlyWithItsCsrfHeaderAndBasicWithout() {
        String no = file("用电增容申请进度查询");
        var operator = ConsoleClient.loggedIn(port, "operator");
        operator.get("/console/tickets");
        assertThat(operator.postJson("/api/tickets/" + no + "/triage", "{\"complexity\":\"simple\"}", false).status()).isEqualTo(403);
        assertThat(operator.postJson("/api/tickets/" + no + "/triage", "{\"complexity\":\"simple\"}", true).status()).isEqualTo(200);
        var basic = new cn.qiying.handoff.StaffApi(port).post("operator", "/api/tickets/" + no + "/assign", "{\"department\":\"gdgs\"}").status();
        assertThat(basic).isEqualTo(200);
    }
}
