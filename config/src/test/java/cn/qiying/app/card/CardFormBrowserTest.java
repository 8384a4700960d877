package cn.qiying.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.app.browser.HeadlessChromium;
import cn.qiying.testing.RealRedis;

/**
 * A person scans a printed service card, files an appeal from a phone browser (headless Chromium, phone-sized), follows
 * it on the status page and rates it there.
 */
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qiying.admin.password=card-test-admin", "qiying.demo.enabled=true"})
class CardFormBrowserTest {

    private static final Pattern TICKET_NO = Pattern.compile("\"no\"\\s*:\\s*\"(QY\\d+)\"");
    private static WebDriver browser;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start(390, 844);
    }

    @AfterAll
    static void closeBrowser() {
        browser.quit();
    }

    @Test
    void anAppealFiledFromTheCardPageBecomesOneTicketOfTheCardsDepartment() throws Exception {
        String code = createCard();
        browser.get(url("/q/" + code));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("槐荫区政务服务中心企业服务卡");

        // nothing filled in: errors beside the fields, no ticket
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.id("enterpriseName-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("phone-error")).getText()).isNotBlank();
        assertThat(ticketNumbers()).isEmpty();
        HeadlessChromium.screenshot(browser, "card-form-errors");

        fill("enterpriseName", "济南槐荫精密机械有限公司");
        fill("uscc", "91370100MA3C8R1K2G");
        fill("contact", "王经理");
        fill("phone", "13900001111");
        new Select(browser.findElement(By.id("kind"))).selectByValue("help");
        fill("description", "厂区门前道路施工三个月未恢复，货车无法进出，影响正常生产经营，希望协调尽快恢复通行。");
        HeadlessChromium.screenshot(browser, "card-form");
        // an impatient double tap on the submit button
        ((JavascriptExecutor) browser).executeScript(
                "const b = document.getElementById('submit'); b.click(); b.click();");

        String no = browser.findElement(By.id("ticket-no")).getText();
        assertThat(no).matches("QY\\d{12}");
        HeadlessChromium.screenshot(browser, "card-form-submitted");
        assertThat(ticketNumbers()).containsExactly(no);
        assertThat(staffGet("/api/tickets/" + no)).contains("济南槐荫精密机械有限公司").contains("card");

        // the centre and the department work it to the end; the filer, off WeChat, follows it and rates it
        if (!staffGet("/api/tickets/" + no).contains("\"status\":\"assigned\"")) {
            staffPost(no, "triage", "{\"complexity\":\"simple\",\"category\":\"工程建设\"}");
            staffPost(no, "assign", "{\"department\":\"scjgj\"}");
        }
        staffPost(no, "accept", "{}");
        staffPost(no, "contact", "{\"note\":\"已电话联系王经理\"}");
        staffPost(no, "resolve", "{\"result\":\"已协调施工单位恢复一条车道，货车可正常通行\"}");
        staffPost(no, "review", "{\"passed\":true}");
        browser.get(url("/q/status?no=" + no));
        fill("phone", "139 0000 1111");
        browser.findElement(By.id("look-up")).click();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结待评价");
        assertThat(browser.findElement(By.id("result")).getText()).isEqualTo("已协调施工单位恢复一条车道，货车可正常通行");
        browser.findElement(By.cssSelector("input[name=rating][value=basically_satisfied]")).click();
        fill("comment", "通行恢复了，希望以后施工前先告知周边企业");
        HeadlessChromium.screenshot(browser, "card-status-rating");
        browser.findElement(By.id("submit-rating")).click();
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("感谢您的评价！");
        assertThat(browser.findElements(By.id("rate"))).as("no second rating form").isEmpty();
        HeadlessChromium.screenshot(browser, "card-status-rated");
        assertThat(staffGet("/api/tickets/" + no)).contains("\"status\":\"rated\"").contains("basically_satisfied");
    }

    private void staffPost(String no, String action, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/tickets/" + no + "/" + action)))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", action, response.body()).isEqualTo(200);
    }

    private void fill(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String createCard() throws Exception {
        String body = "{\"title\":\"槐荫区政务服务中心企业服务卡\",\"department\":\"市场监管局\",\"district\":\"槐荫区\",\"place\":\"二楼企业服务窗口\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/cards")))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isBetween(200, 201);
        Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private List<String> ticketNumbers() throws Exception {
        Matcher m = TICKET_NO.matcher(staffGet("/api/tickets"));
        return m.results().map(r -> r.group(1)).toList();
    }

    private String staffGet(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:card-test-admin".getBytes(StandardCharsets.UTF_8));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
