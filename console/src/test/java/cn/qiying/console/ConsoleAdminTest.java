package cn.qiying.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import cn.qiying.handoff.appeal.Rating;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.testing.RealRedis;

/** The dashboard with its Excel export, and the administration pages with their role checks. */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAdminTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired MovableClock clock;
    @Autowired AppealDesk appeals;
    @Autowired TicketTransitions transitions;
    @Autowired StaffUsers users;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-12T02:00:00Z"));
        desk.staff();
    }

    /** A ticket of the market department, resolved, reviewed and rated. */
    private String resolvedAndRated(String openId, Rating rating) {
        String no = appeals.submit(Fixtures.appeal(openId, "营业执照变更登记网上办理失败")).no();
        transitions.perform(no, new TicketAction.Triage(cn.qiying.handoff.ticket.Complexity.SIMPLE, "市场准入"), TestDesk.OPERATOR);
        transitions.perform(no, new TicketAction.Assign("scjgj", java.util.List.of()), TestDesk.OPERATOR);
        transitions.perform(no, new TicketAction.Accept(), TestDesk.MARKET);
        transitions.perform(no, new TicketAction.Resolve("已指导办理"), TestDesk.MARKET);
        transitions.perform(no, new TicketAction.Review(true, null), TestDesk.OPERATOR);
        appeals.rate(no, openId, rating, rating == Rating.UNSATISFIED ? "办理太慢" : null);
        return no;
    }

    @Test
    void theDashboardShowsTheRatesAndTheRankingAndExportsThemToExcel() throws Exception {
        resolvedAndRated("o-1", Rating.SATISFIED);
        String unhappy = resolvedAndRated("o-2", Rating.UNSATISFIED);
        appeals.submit(Fixtures.appeal("o-3", "用电增容"));
        var supervisor = ConsoleClient.loggedIn(port, "supervisor");
        var page = supervisor.get("/console/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"kpi-tickets\">3<").contains("66.7%").contains("50.0%").contains("市场监管局")
                .contains("data-charts=").contains("/console/echarts.min.js");
        assertThat(supervisor.get("/console/tickets?queue=unsatisfied").body()).contains(unhappy);

        HttpClient http = HttpClient.newBuilder().cookieHandler(supervisor.cookies()).build();
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/dashboard.xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("总体").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(book.getSheet("部门排名").getRow(1).getCell(1).getStringCellValue()).isEqualTo("市场监管局");
            assertThat(book.getSheet("部门排名").getRow(1).getCell(5).getStringCellValue()).isEqualTo("50.0%");
            assertThat(book.getSheet("热点类别").getRow(1).getCell(0).getStringCellValue()).isEqualTo("市场准入");
        }
        HttpResponse<String> echarts = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/echarts.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(ConsoleClient.loggedIn(port, "market").get("/console/dashboard").status()).isEqualTo(403);
    }

    @Test
    void anAdminManagesStaffAndDepartmentsAndOthersOnlyRead() {
        var admin = ConsoleClient.loggedIn(port, "admin1");
        admin.get("/console/admin/staff");
        var saved = admin.post("/console/admin/staff", Map.of("username", "tax1", "displayName", "税务局小李", "password", "tax-password-1",
                "roles", "HANDLER", "department", "swj"));
        assertThat(saved.location()).endsWith("/console/admin/staff");
        assertThat(users.find("tax1")).get().satisfies(u -> assertThat(u.department()).isEqualTo("swj"));
        assertThat(admin.get("/console/admin/staff").body()).contains("税务局小李").contains("已保存人员 tax1");
        admin.post("/console/admin/staff", Map.of("username", "bad", "password", "short", "roles", "HANDLER"));
        assertThat(admin.get("/console/admin/staff").body()).contains("密码至少 8 位");

        admin.get("/console/admin/departments");
        admin.post("/console/admin/departments", Map.of("id", "swjt", "name", "水务集团", "districts", ""));
        admin.get("/console/admin/departments");
        admin.post("/console/admin/responsibilities", Map.of("department", "swjt", "category", "用水", "keywords", "停水、水压"));
        assertThat(admin.get("/console/admin/departments").body()).contains("水务集团").contains("停水、水压");

        var operator = ConsoleClient.loggedIn(port, "operator");
        assertThat(operator.get("/console/admin/staff").status()).isEqualTo(403);
        assertThat(operator.get("/console/admin/departments").body()).contains("水务集团").doesNotContain("新增或修改部门");
        assertThat(operator.get("/console/admin/knowledge").status()).isEqualTo(200);
        assertThat(operator.get("/console/admin/cards").body()).contains("新建服务卡");
        assertThat(ConsoleClient.loggedIn(port, "market").get("/console/admin/knowledge").status()).isEqualTo(403);
    }

    @Test
    void theCalendarPageShowsTheOfficialDaysOffAndMakeUpDaysAndThePreset() {
        var page = ConsoleClient.loggedIn(port, "market").get("/console/admin/calendar?year=2026");
        assertThat(page.body()).contains("2026 年工作日历").contains("jinan").contains("15 个工作日")
                .contains("10-01、10-02").contains("01-04、02-14、02-28、05-09、09-20、10-10");
        assertThat(ConsoleClient.loggedIn(port, "market").get("/console/admin/calendar?year=2027").body()).contains("尚未收录");
    }
}
