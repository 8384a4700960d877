package cn.qiying.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.app.browser.HeadlessChromium;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.UserKey;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.ActionInput;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;

/**
 * The staff console in headless Chromium against the whole application in demo mode (demo departments and staff, the
 * WeChat simulator): login and logout, a ticket walked by three users, department scoping, a live takeover with the
 * simulator, the dashboard, and enterprise text that stays inert. Saves a screenshot of each main page.
 */
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=console-admin", "qiying.demo.enabled=true", "qiying.demo.staff-password=qiying-demo",
        "qiying.wechat.mp.app-id=wxdemo00000000001", "qiying.wechat.mp.secret=demo-secret", "qiying.wechat.mp.token=qiyingdemo",
        "qiying.conversation.opens=08:00", "qiying.conversation.closes=20:00"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String PAYLOAD = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">";
    static final String USCC = "91370100MA3C8R1K2G";
    static final Pattern TICKET_NO = Pattern.compile("\"no\"\\s*:\\s*\"(QY\\d+)\"");
    // a Monday 10:00 in Shanghai, a working day inside service hours, whatever day the tests run on
    static final Instant MONDAY = Instant.parse("2026-10-12T02:00:00Z");

    static final FakeWeChatServer wechat = FakeWeChatServer.start();
    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired AppealDesk appeals;
    @Autowired Tickets tickets;
    @Autowired Conversations conversations;
    @Autowired Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration
    static class WorkingDayClock {
        @Bean
        @Primary
        Clock workingDayClock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), MONDAY));
        }
    }

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
    }

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start(1366, 900);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        browser.quit();
        wechat.close();
    }

    @Test
    @Order(1)
    void staffLogInAndOut() {
        browser.get(url("/console/tickets"));
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
        HeadlessChromium.screenshot(browser, "console-login");
        login("centre", "wrong-password");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("不正确");
        login("centre", "qiying-demo");
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("企业服务中心值班员");
        assertThat(browser.findElement(By.id("queues")).getText()).contains("待研判交办").contains("临期").contains("超期")
                .contains("督办").contains("已退回").contains("待质检").contains("不满意");
        logout();
        assertThat(browser.findElement(By.id("logged-out")).getText()).contains("已安全退出");
        browser.get(url("/console/tickets"));
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    @Order(2)
    void aTicketIsTriagedAssignedAcceptedResolvedAndReviewedByThreeUsers() throws Exception {
        String no = importOrder("0001", "市场准入", "公司地址变更后营业执照变更登记网上提交一直被退回，请协助办理。");
        login("centre", "qiying-demo");
        browser.findElement(By.id("queue-triage")).click();
        browser.findElement(By.linkText(no)).click();
        new Select(browser.findElement(By.id("triage-complexity"))).selectByValue("simple");
        browser.findElement(By.id("triage-category")).sendKeys("市场准入");
        act("triage");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已研判");
        // the responsibility list suggests the market regulator; the operator confirms it
        Select lead = new Select(browser.findElement(By.id("assign-department")));
        assertThat(lead.getFirstSelectedOption().getText()).isEqualTo("市场监管局");
        HeadlessChromium.screenshot(browser, "console-ticket-assign");
        act("assign");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已交办");
        logout();

        login("market", "qiying-demo");
        browser.findElement(By.id("queue-mine")).click();
        assertThat(browser.findElement(By.id("tickets")).getText()).contains(no);
        HeadlessChromium.screenshot(browser, "console-queues");
        browser.findElement(By.linkText(no)).click();
        act("accept");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已签收");
        openAction("resolve");
        browser.findElement(By.id("resolve-result")).sendKeys("已电话联系企业，指导其补正住所证明材料，变更登记已于当日核准。");
        act("resolve");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结待质检");
        logout();

        login("admin", "console-admin");
        browser.findElement(By.id("queue-review")).click();
        browser.findElement(By.linkText(no)).click();
        assertThat(browser.findElement(By.id("action-review")).getText()).contains("质检");
        act("review");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结待评价");
        assertThat(browser.findElement(By.id("history")).getText()).contains("centre").contains("market").contains("admin")
                .contains("研判").contains("交办").contains("签收").contains("办结").contains("质检");
        HeadlessChromium.screenshot(browser, "console-ticket");
        logout();
    }

    @Test
    @Order(3)
    void aDepartmentHandlerCannotOpenAnotherDepartmentsTicket() throws Exception {
        String no = importOrder("0002", "税费", "增值税留抵退税申请已提交两个月，至今没有进展。");
        login("centre", "qiying-demo");
        browser.get(url("/console/tickets/" + no));
        act("triage");
        new Select(browser.findElement(By.id("assign-department"))).selectByVisibleText("税务局");
        act("assign");
        logout();

        login("market", "qiying-demo");
        browser.get(url("/console/tickets/" + no));
        assertThat(browser.findElement(By.id("problem-status")).getText()).isEqualTo("没有找到");
        assertThat(browser.getPageSource()).doesNotContain("留抵退税");
        browser.get(url("/console/tickets?q=" + no));
        assertThat(browser.findElement(By.id("tickets")).getText()).doesNotContain(no);
        logout();
        login("tax", "qiying-demo");
        browser.get(url("/console/tickets/" + no));
        assertThat(browser.findElement(By.id("description")).getText()).contains("留抵退税");
        logout();
    }

    @Test
    @Order(4)
    void anAgentTakesOverALiveConversationFromTheSimulatorAndHandsItBack() {
        String console = browser.getWindowHandle();
        login("centre", "qiying-demo");
        browser.switchTo().newWindow(WindowType.TAB);
        String phone = browser.getWindowHandle();
        browser.get(url("/simulator"));
        say("转人工");
        waitFor(d -> chatText().contains("已为您转接人工客服"));
        String openId = (String) ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('qiying.sim.openId');");

        browser.switchTo().window(console);
        browser.get(url("/console/conversations"));
        WebElement waiting = waitFor(d -> d.findElements(By.cssSelector("#waiting tr[data-user$='" + openId + "'] button.claim")))
                .get(0);
        HeadlessChromium.screenshot(browser, "console-conversations");
        waiting.click();
        waitFor(d -> d.getCurrentUrl().contains("/console/conversations/view"));
        assertThat(browser.findElement(By.id("chat")).getText()).contains("转人工");
        waitFor(d -> "open".equals(d.findElement(By.id("chat")).getAttribute("data-live")));

        browser.switchTo().window(phone);
        say("我们的营业执照正本遗失了，补办需要登报吗？");
        browser.switchTo().window(console);
        waitFor(d -> d.findElement(By.id("chat")).getText().contains("营业执照正本遗失了"));

        browser.findElement(By.id("reply-text")).sendKeys("您好，我是企业服务中心的值班员。营业执照遗失补领无需登报，可在线声明作废后申请补领。");
        browser.findElement(By.id("reply-send")).click();
        waitFor(d -> d.findElement(By.id("reply-status")).getText().equals("已送达"));
        waitFor(d -> d.findElement(By.id("chat")).getText().contains("无需登报"));
        HeadlessChromium.screenshot(browser, "console-takeover");

        browser.switchTo().window(phone);
        waitFor(d -> chatText().contains("无需登报"));
        HeadlessChromium.screenshot(browser, "console-simulator-reply");

        browser.switchTo().window(console);
        browser.findElement(By.id("handback")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/console/conversations"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已交还智能客服");
        browser.switchTo().window(phone);
        waitFor(d -> chatText().contains("人工客服已结束本次服务"));
        String userKey = UserKey.of("mp", "wxdemo00000000001", openId).value();
        assertThat(conversations.mode(userKey)).isEqualTo(Conversations.Mode.BOT);
        browser.close();
        browser.switchTo().window(console);
        logout();
    }

    @Test
    @Order(5)
    void theDashboardChartsTheRatesOfTicketsWithData() {
        Actor centre = new Actor("centre", java.util.Set.of(StaffRole.OPERATOR), null);
        Actor power = new Actor("power", java.util.Set.of(StaffRole.HANDLER), "gdgs");
        for (int i = 0; i < 3; i++) {
            String openId = "o-dash-" + i;
            String no = done(appeals.submit(new NewAppeal("mp", "wxdemo00000000001", openId, "help", "济南泉城精工有限公司", USCC, "李四",
                    "13800000001", "历下区", "用电", "厂区计划停电通知太晚，影响生产排班，希望提前告知。", List.of(), null, null))).no();
            act(no, centre, "triage", "{\"complexity\": \"general\", \"category\": \"用电\"}");
            act(no, centre, "assign", "{\"department\": \"gdgs\"}");
            act(no, power, "accept");
            act(no, power, "resolve", "{\"result\": \"已调整停电通知流程，提前三天短信告知。\"}");
            act(no, centre, "review", "{\"passed\": true}");
            done(appeals.rate(no, openId, i == 0 ? Rating.UNSATISFIED : Rating.SATISFIED, i == 0 ? "通知还是晚" : null));
        }
        login("supervisor", "qiying-demo");
        browser.findElement(By.id("nav-dashboard")).click();
        waitFor(d -> "true".equals(d.findElement(By.id("chart-trend")).getAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector("#chart-departments canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("kpi-satisfaction")).getText()).isEqualTo("66.7%");
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("供电公司");
        HeadlessChromium.screenshot(browser, "console-dashboard");
        browser.findElement(By.id("nav-tickets")).click();
        browser.findElement(By.id("queue-unsatisfied")).click();
        assertThat(browser.findElements(By.cssSelector("#tickets tbody tr[data-no]"))).hasSize(1);
        logout();
    }

    @Test
    @Order(6)
    void whatTheEnterpriseTypedStaysInert() {
        String openId = "sim-xss-payload";
        String no = done(appeals.submit(new NewAppeal("mp", "wxdemo00000000001", openId, "complaint", "恶意测试" + PAYLOAD + "有限公司", USCC,
                "王五", "13800000002", "历下区", "融资", "贷款审批太慢 " + PAYLOAD, List.of(), null, null))).no();
        conversations.record(UserKey.of("mp", "wxdemo00000000001", openId).value(), Conversations.Direction.USER,
                "我要投诉" + PAYLOAD, clock.instant());
        login("centre", "qiying-demo");
        for (String path : List.of("/console/tickets/" + no, "/console/tickets?queue=triage", "/console/tickets?q=贷款审批")) {
            browser.get(url(path));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).as(path).isEqualTo(true);
            assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.findElements(By.cssSelector("main img"))).as(path).isEmpty();
        }
        browser.get(url("/console/tickets/" + no));
        assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("贷款审批太慢 " + PAYLOAD);
        assertThat(browser.findElement(By.id("transcript")).getText()).contains("我要投诉" + PAYLOAD);
        HeadlessChromium.screenshot(browser, "console-escaped");
        logout();
    }

    @Test
    @Order(7)
    void administrationPagesOpenOnATablet() throws Exception {
        login("admin", "console-admin");
        browser.get(url("/console/admin/knowledge"));
        waitFor(d -> d.findElements(By.cssSelector("#k-entries tbody tr")).size() > 5);
        browser.findElement(By.id("k-q")).sendKeys("营业执照怎么办理");
        browser.findElement(By.id("k-search")).click();
        waitFor(d -> d.findElement(By.id("k-decision")).getText().contains("智能客服的决定"));
        HeadlessChromium.screenshot(browser, "console-knowledge");

        browser.get(url("/console/admin/cards"));
        browser.findElement(By.id("c-title")).sendKeys("历下区政务服务中心企业服务卡");
        new Select(browser.findElement(By.id("c-department"))).selectByVisibleText("市场监管局");
        browser.findElement(By.id("c-district")).sendKeys("历下区");
        browser.findElement(By.id("c-create")).click();
        waitFor(d -> d.findElement(By.id("c-list")).getText().contains("历下区政务服务中心企业服务卡"));
        String qr = browser.findElement(By.linkText("二维码")).getAttribute("href");
        assertThat(status(qr)).isEqualTo(200);
        HeadlessChromium.screenshot(browser, "console-cards");

        browser.get(url("/console/admin/departments"));
        assertThat(browser.findElement(By.id("rules")).getText()).contains("市场监管局").contains("营业执照");
        browser.get(url("/console/admin/staff"));
        assertThat(browser.findElement(By.id("staff")).getText()).contains("market").contains("部门办理");
        browser.get(url("/console/admin/calendar?year=2026"));
        assertThat(browser.findElement(By.id("make-up")).getText()).contains("10-10");
        HeadlessChromium.screenshot(browser, "console-calendar");

        // the go-live check: the test's public address is localhost, which the check must call out
        browser.get(url("/console/admin/go-live"));
        assertThat(browser.findElement(By.cssSelector("#go-live tr[data-item='address']")).getAttribute("data-verdict")).isEqualTo("FIX");
        assertThat(browser.findElement(By.id("go-live-summary")).getAttribute("class")).isEqualTo("error");
        HeadlessChromium.screenshot(browser, "console-go-live");

        browser.manage().window().setSize(new Dimension(820, 1180));
        browser.get(url("/console/tickets?queue=mine"));
        HeadlessChromium.screenshot(browser, "console-tablet");
        browser.manage().window().setSize(new Dimension(1366, 900));
        logout();
    }

    private void login(String user, String password) {
        browser.get(url("/login"));
        WebElement page = browser.findElement(By.tagName("main"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        waitUntilReplaced(page);
    }

    /**
     * Waits until the page that held this element has been replaced. Chromium 156 sometimes answers a query on a node of
     * the old document with "Node with given id does not belong to the document" rather than a stale-element error;
     * both mean the page is gone.
     */
    private void waitUntilReplaced(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private void logout() {
        browser.findElement(By.id("logout")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
    }

    /** Submits the action's form and waits for the page that answers it. */
    private void act(String action) {
        WebElement page = browser.findElement(By.tagName("main"));
        browser.findElement(By.id("do-" + action)).click();
        waitUntilReplaced(page);
    }

    private void openAction(String action) {
        WebElement details = browser.findElement(By.id("action-" + action));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private void say(String text) {
        browser.findElement(By.id("text")).sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private String chatText() {
        return browser.findElement(By.id("chat")).getText();
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            T value = condition.apply(d);
            return value instanceof List<?> list && list.isEmpty() ? null : value;
        });
    }

    private String importOrder(String serial, String category, String description) throws Exception {
        String body = """
                {"externalId": "12345-20261012-%s", "receivedAt": "2026-10-12T09:00:00+08:00", "kind": "help",
                 "district": "历下区", "category": "%s",
                 "enterprise": {"name": "济南明泉精密机械有限公司", "uscc": "%s", "contact": "张三", "phone": "13800000000"},
                 "description": "%s"}""".formatted(serial, category, USCC, description);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/tickets/import")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:console-admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = TICKET_NO.matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private int status(String href) throws Exception {
        // Spring Session's cookie: the console session lives in Redis
        String cookie = browser.manage().getCookieNamed("SESSION").getValue();
        return http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "SESSION=" + cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A staff action by its REST name and JSON body, as the console or an integrator would take it. */
    private void act(String no, cn.qiying.handoff.staff.Actor actor, String action, String json) {
        var input = ActionInput.of(tools.jackson.databind.json.JsonMapper.builder().build().readTree(json));
        var outcome = tickets.act(no, action, input, actor);
        // the app's own background work (repeated-appeal triggers) may write the ticket between our read and write
        for (int attempt = 1; attempt < 5 && outcome.refusal() instanceof cn.qiying.platform.refusal.Refusal.LostRace; attempt++) {
            outcome = tickets.act(no, action, input, actor);
        }
        outcome.orElseThrow(r -> new AssertionError(action + " refused: " + r.messageKey()));
    }

    private void act(String no, cn.qiying.handoff.staff.Actor actor, String action) {
        act(no, actor, action, "{}");
    }

    private static <T> T done(cn.qiying.platform.refusal.Outcome<T> outcome) {
        return outcome.orElseThrow(r -> new AssertionError("refused: " + r.messageKey()));
    }
}
