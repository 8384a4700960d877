package cn.qiying.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.app.browser.HeadlessChromium;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.testing.FakeSmsServer;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;

/**
 * A user of the official account, on a phone (headless Chromium, phone-sized), opens the policy hall from the card
 * the chat gave them, binds their enterprise with the code texted to the mobile on file (a fake SMS gateway behind the
 * real webhook adapter), sees the policies that fit and why, subscribes to a topic; the next matching policy is pushed
 * to them on WeChat (the fake WeChat API behind channels' real Messenger), one outside their topic is not.
 */
@ExtendWith(RealRedis.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=" + PolicyHallBrowserTest.ADMIN_PASSWORD,
        "qiying.wechat.mp.app-id=" + PolicyHallBrowserTest.MP_APP_ID, "qiying.wechat.mp.secret=hall-secret",
        "qiying.wechat.mp.token=halltoken", "qiying.wechat.mp.aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
        "qiying.wechat.mp.templates.notice.id=" + PolicyHallBrowserTest.NOTICE_TEMPLATE,
        "qiying.wechat.mp.templates.notice.data.thing1=title",
        "qiying.wechat.mp.templates.notice.data.thing2=department",
        "qiying.policy.sms.secret=sms-secret", "qiying.public-base-url=https://hall.example.gov.cn"})
class PolicyHallBrowserTest {

    static final String ADMIN_PASSWORD = "hall-test-admin";
    static final String MP_APP_ID = "wxhallbrowser0001";
    static final String NOTICE_TEMPLATE = "TPL_POLICY_0001";
    static final String OPEN_ID = "o-hall-browser-1";
    static final String USCC = "91370100MA3C8R1K2G";
    static final String MOBILE = "13966668888";

    static final FakeWeChatServer wechat = FakeWeChatServer.start();
    static final FakeSmsServer sms = FakeSmsServer.start();
    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired HallLinks links;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
        registry.add("qiying.wechat.mp-base-url", wechat::baseUrl);
        registry.add("qiying.policy.sms.webhook-url", sms::url);
    }

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start(390, 844);
    }

    @AfterAll
    static void close() {
        browser.quit();
        wechat.close();
        sms.close();
    }

    @Test
    void aBoundUserSeesWhatFitsSubscribesAndIsPushedTheNextMatchingPolicy() throws Exception {
        staff("POST", "/api/enterprises", """
                {"uscc": "%s", "name": "济南泉城精密机械有限公司", "district": "历城区", "industry": "C", "scale": "small",
                 "tags": ["高新技术企业", "民营企业"], "contacts": [{"name": "王建国", "phone": "%s"}]}""".formatted(USCC, MOBILE));
        staff("POST", "/api/policies", """
                [{"id": "b-gq", "title": "高新技术企业认定奖励", "summary": "对首次通过认定的高新技术企业给予一次性奖励。",
                  "department": "市科技局", "benefit": "奖励20万元", "topics": ["资金补贴", "科技创新"],
                  "conditions": {"allTags": ["高新技术企业"]}},
                 {"id": "b-xw", "title": "小微企业贷款贴息", "summary": "对小微企业流动资金贷款给予贴息。", "department": "市地方金融管理局",
                  "topics": ["融资支持"], "conditions": {"scales": ["small", "micro"], "districts": ["历城区", "章丘区"]}},
                 {"id": "b-rj", "title": "软件企业发展奖励", "summary": "对软件和信息技术服务企业给予奖励。", "department": "市工业和信息化局",
                  "topics": ["资金补贴"], "conditions": {"industries": ["I"]}}]""");

        // the chat's card carries a signed link into the hall for this official-account user
        browser.get(links.entry("mp:" + MP_APP_ID + ":" + OPEN_ID).replaceFirst("^https://hall\\.example\\.gov\\.cn", "http://localhost:" + port));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("惠企政策大厅");
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("共 3 条有效政策");
        browser.findElement(By.id("uscc")).sendKeys(USCC);
        HeadlessChromium.screenshot(browser, "policy-hall-bind");
        browser.findElement(By.id("send-code")).click();
        assertThat(browser.findElement(By.id("sent-to")).getText()).contains("139****8888");
        await().atMost(Duration.ofSeconds(10)).until(() -> !sms.messages().isEmpty());
        assertThat(sms.messages().get(0).signature()).as("the gateway can check who sent it").startsWith("sha256=");
        browser.findElement(By.id("code")).sendKeys(sms.lastCode(MOBILE));
        browser.findElement(By.id("confirm")).click();

        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("绑定成功，下面是适合贵企业的政策");
        assertThat(browser.findElement(By.id("enterprise-name")).getText()).isEqualTo("济南泉城精密机械有限公司");
        List<WebElement> fitting = browser.findElements(By.cssSelector("#fitting li"));
        assertThat(fitting).extracting(li -> li.findElement(By.className("title")).getText())
                .containsExactlyInAnyOrder("高新技术企业认定奖励", "小微企业贷款贴息");
        assertThat(browser.findElement(By.id("fitting")).getText()).contains("符合：具备标签：高新技术企业")
                .contains("所在区县：历城区；企业规模：小型").doesNotContain("软件企业发展奖励");
        HeadlessChromium.screenshot(browser, "policy-hall-mine");

        browser.findElement(By.cssSelector("#subscribe input[value='资金补贴']")).click();
        browser.findElement(By.id("save-subscriptions")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("订阅设置已保存");
        assertThat(browser.findElement(By.cssSelector("#subscribe input[value='资金补贴']")).isSelected()).isTrue();
        HeadlessChromium.screenshot(browser, "policy-hall-subscribed");

        // the centre publishes two more policies the enterprise meets; only the one in the subscribed topic reaches the user
        staff("POST", "/api/policies", """
                [{"id": "b-zj", "title": "制造业专精特新培育奖励", "summary": "对培育期内的制造业企业给予奖励。", "department": "市工业和信息化局",
                  "topics": ["资金补贴"], "conditions": {"industries": ["C"]}},
                 {"id": "b-db", "title": "制造业担保费补贴", "summary": "对制造业企业的担保贷款给予担保费补贴。", "department": "市地方金融管理局",
                  "topics": ["融资支持"], "conditions": {"industries": ["C"]}}]""");
        wechat.clear();
        assertThat(staff("POST", "/api/policies/b-zj/push", "{}")).contains("\"matched\":1").contains("\"sent\":1");
        assertThat(staff("POST", "/api/policies/b-db/push", "{}")).contains("\"sent\":0").contains("not-subscribed");
        List<FakeWeChatServer.Request> sent = wechat.requests("/cgi-bin/message/template/send");
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.body()).contains(OPEN_ID).contains(NOTICE_TEMPLATE)
                .contains("制造业专精特新培育奖励").contains("市工业和信息化局"));

        browser.get("http://localhost:" + port + "/hall/policies/b-zj");
        assertThat(browser.findElement(By.id("fit-why")).getText()).isEqualTo("所属行业：制造业");
        HeadlessChromium.screenshot(browser, "policy-hall-policy");
    }

    private String staff(String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return response.body();
    }
}
