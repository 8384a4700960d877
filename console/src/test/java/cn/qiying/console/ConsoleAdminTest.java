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
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.Steps;
import cn.qiying.platform.text.Texts;
import cn.qiying.testing.RealRedis;

/** The dashboard with its Excel export, and the administration pages with their role checks. */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAdminTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired Texts texts;
    @Autowired MovableClock clock;
    @Autowired AppealDesk appeals;
    @Autowired Steps steps;
    @Autowired StaffUsers users;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-12T02:00:00Z"));
        desk.staff();
    }

    /** A ticket of the market department, resolved, reviewed and rated. */
    private String resolvedAndRated(String openId, Rating rating) {
        String no = Fixtures.done(appeals.submit(Fixtures.appeal(openId, "营业执照变更登记网上办理失败"))).no();
        steps.act(no, TestDesk.OPERATOR, "triage", "{\"complexity\": \"simple\", \"category\": \"市场准入\"}");
        steps.act(no, TestDesk.OPERATOR, "assign", "{\"department\": \"scjgj\"}");
        steps.act(no, TestDesk.MARKET, "accept");
        steps.act(no, TestDesk.MARKET, "resolve", "{\"result\": \"已指导办理\"}");
        steps.act(no, TestDesk.OPERATOR, "review", "{\"passed\": true}");
        Fixtures.done(appeals.rate(no, openId, rating, rating == Rating.UNSATISFIED ? "办理太慢" : null));
        return no;
    }

    @Test
    void theDashboardShowsTheRatesAndTheRankingAndExportsThemToExcel() throws Exception {
        resolvedAndRated("o-1", Rating.SATISFIED);
        String unhappy = resolvedAndRated("o-2", Rating.UNSATISFIED);
        Fixtures.done(appeals.submit(Fixtures.appeal("o-3", "用电增容")));
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
            assertThat(book.getSheet(texts.text("stats.sheet.overall")).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            var ranking = book.getSheet(texts.text("stats.sheet.ranking"));
            assertThat(ranking.getRow(1).getCell(1).getStringCellValue()).isEqualTo("市场监管局");
            assertThat(ranking.getRow(1).getCell(5).getNumericCellValue()).as("a rate is a number, shown as a percentage").isEqualTo(0.5);
            assertThat(ranking.getRow(1).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(book.getSheet(texts.text("stats.sheet.categories")).getRow(1).getCell(0).getStringCellValue()).isEqualTo("市场准入");
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
        assertThat(admin.get("/console/admin/staff").body()).contains("税务局小李").contains(texts.text("console.staff.saved", "tax1"));
        admin.post("/console/admin/staff", Map.of("username", "bad", "password", "short", "roles", "HANDLER"));
        assertThat(admin.get("/console/admin/staff").body()).contains(texts.text("staff.refusal.password", 8));

        admin.get("/console/admin/departments");
        admin.post("/console/admin/departments", Map.of("id", "swjt", "name", "水务集团", "districts", ""));
        admin.get("/console/admin/departments");
        admin.post("/console/admin/responsibilities", Map.of("department", "swjt", "category", "用水", "keywords", "停水、水压"));
        assertThat(admin.get("/console/admin/departments").body()).contains("水务集团").contains("停水、水压");

        var operator = ConsoleClient.loggedIn(port, "operator");
        assertThat(operator.get("/console/admin/staff").status()).isEqualTo(403);
        assertThat(operator.get("/console/admin/departments").body()).contains("水务集团").doesNotContain(texts.text("console.departments.6"));
        assertThat(operator.get("/console/admin/knowledge").status()).isEqualTo(200);
        assertThat(operator.get("/console/admin/cards").body()).contains(texts.text("console.cards.9"));
        assertThat(ConsoleClient.loggedIn(port, "market").get("/console/admin/knowledge").status()).isEqualTo(403);
    }

    @Test
    void theCalendarPageShowsTheOfficialDaysOffAndMakeUpDaysAndThePreset() {
        var page = ConsoleClient.loggedIn(port, "market").get("/console/admin/calendar?year=2026");
        assertThat(page.body()).contains(texts.text("console.calendar.1", 2026)).contains("jinan").contains(texts.text("sla.limit.working_days", 15))
                .contains("10-01、10-02").contains("01-04、02-14、02-28、05-09、09-20、10-10");
        assertThat(ConsoleClient.loggedIn(port, "market").get("/console/admin/calendar?year=2027").body())
                .contains(texts.text("console.calendar.2", 2027, "[2025, 2026]"));
    }
}
