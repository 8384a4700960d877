package cn.qiying.app.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qiying.app.QiyingApplication;
import cn.qiying.handoff.supervision.DeadlineSweeper;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the whole application side by side on one Redis, as behind a load balancer: one dialog whichever
 * instance a message reaches, one ticket, each push once though both consume the events, one winner of a raced
 * transition, one sweeper at a time, a console agent on A seeing what reached B, and one console session (in Redis)
 * whichever instance serves the staff user.
 */
@ExtendWith(RealRedis.class)
class TwoInstancesTest {

    static final String APP_ID = "wxtwo000000000001";
    static final String TOKEN = "twotoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String TEMPLATE = "TPL_TWO_STATUS";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FakeWeChatServer wechat;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        wechat = FakeWeChatServer.start();
        a = start("a");
        b = start("b");
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        wechat.close();
    }

    static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(QiyingApplication.class).run("--server.port=0", "--spring.application.name=qiying-" + name,
                "--spring.data.redis.url=" + System.getProperty("spring.data.redis.url"), "--qiying.admin.password=two-admin",
                "--qiying.demo.enabled=true", "--qiying.wechat.api-base-url=" + wechat.baseUrl(), "--qiying.wechat.mp.app-id=" + APP_ID,
                "--qiying.wechat.mp.secret=two-secret", "--qiying.wechat.mp.token=" + TOKEN, "--qiying.wechat.mp.aes-key=" + AES_KEY,
                "--qiying.wechat.mp.templates.status.id=" + TEMPLATE, "--qiying.wechat.mp.templates.status.data.character_string1=ticketNo",
                "--qiying.wechat.mp.templates.status.data.thing2=statusLabel", "--logging.level.cn.qiying=WARN");
    }

    static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    static WeChatCallbackClient user(ConfigurableApplicationContext instance) {
        return new WeChatCallbackClient(URI.create(base(instance) + "/wechat/mp/callback"), TOKEN, AES_KEY, APP_ID, "gh_two", Mode.PLAIN);
    }

    @Test
    void aConversationAlternatingBetweenInstancesIsOneDialogAndOneTicketWithEachPushOnce() throws Exception {
        String openId = "o-two-" + System.nanoTime();
        List<String> lines = List.of("我要求助：企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷", "济南明泉精密机械有限公司",
                "91370100MA3C8R1K2G", "张三", "13800000000", "历下区", "没有", "确认");
        String last = "";
        for (int i = 0; i < lines.size(); i++) {
            WeChatCallbackClient.Reply reply = user(i % 2 == 0 ? a : b).text(openId, lines.get(i));
            assertThat(reply.status()).isEqualTo(200);
            last = reply.content();
        }
        Matcher filed = Pattern.compile("QY\\d{12}").matcher(last == null ? "" : last);
        assertThat(filed.find()).as("the last message, on B, files the appeal begun on A: " + last).isTrue();
        String no = filed.group();
        JsonNode mine = JSON.readTree(staff(a, "admin", "GET", "/api/tickets?openId=" + openId, null).body());
        assertThat(mine.toString()).contains(no);

        assertThat(staff(a, "centre", "POST", "/api/tickets/" + no + "/triage", "{\"complexity\":\"general\",\"category\":\"融资\"}").statusCode()).isEqualTo(200);
        assertThat(staff(b, "centre", "POST", "/api/tickets/" + no + "/assign", "{\"department\":\"jrj\"}").statusCode()).isEqualTo(200);

        List<Integer> raced = race(() -> staff(a, "finance", "POST", "/api/tickets/" + no + "/accept", "{}").statusCode(),
                () -> staff(b, "finance", "POST", "/api/tickets/" + no + "/accept", "{}").statusCode());
        assertThat(raced).as("one accept wins, the other is told the ticket moved on").containsExactlyInAnyOrder(200, 409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statusPushes(openId)).containsExactly("已交办", "已签收"));
        Thread.sleep(3_000); // both instances' consumers had their chance to send again
        assertThat(statusPushes(openId)).as("each push once, though both instances consume the events").containsExactly("已交办", "已签收");
    }

    @Test
    void anAgentOnOneInstanceSeesLiveWhatReachedTheOther() throws Exception {
        String openId = "o-two-agent-" + System.nanoTime();
        assertThat(user(b).text(openId, "转人工").status()).isEqualTo(200);
        String userKey = "mp:" + APP_ID + ":" + openId;
        String u = URLEncoder.encode(userKey, StandardCharsets.UTF_8);

        HttpClient agent = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browse(agent, "GET", base(a) + "/login", null).body();
        browse(agent, "POST", base(a) + "/login", "username=centre&password=qiying-demo&_csrf=" + csrf(loginPage));
        String board = browse(agent, "GET", base(a) + "/console/conversations", null).body();
        assertThat(board).contains(openId);
        assertThat(browse(agent, "POST", base(a) + "/console/conversations/claim", "u=" + u + "&_csrf=" + csrf(board)).statusCode())
                .isEqualTo(302);

        // the agent's page on A listens to its live events; the user's next message reaches B
        BlockingQueue<String> live = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = agent.sendAsync(HttpRequest.newBuilder(
                URI.create(base(a) + "/console/conversations/events?u=" + u)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.join().body().forEach(live::add));
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        assertThat(user(b).text(openId, "请问厂房租金补贴什么时候发放").status()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < until) {
            String line = live.poll(1, TimeUnit.SECONDS);
            seen = line != null && line.startsWith("data:") && line.contains("请问厂房租金补贴什么时候发放");
        }
        stream.cancel(true);
        assertThat(seen).as("the agent's live view on A shows the message that reached B").isTrue();
    }

    @Test
    void aDueTimerFiresOnceThoughBothInstancesSweep() throws Exception {
        String order = """
                {"externalId": "TWO-%d", "receivedAt": "2026-01-05T10:00:00+08:00", "kind": "help", "complexity": "general",
                 "district": "历下区", "category": "融资",
                 "enterprise": {"name": "济南泉城精工有限公司", "uscc": "91370100MA3C8R1K2G", "contact": "张三", "phone": "13800000000"},
                 "description": "企业流动资金紧张，申请应急转贷资金"}
                """.formatted(System.nanoTime());
        HttpResponse<String> imported = staff(a, "admin", "POST", "/api/tickets/import", order);
        assertThat(imported.statusCode()).isEqualTo(201);
        String no = JSON.readTree(imported.body()).get("no").asString();
        DeadlineSweeper sweeperA = a.getBean(DeadlineSweeper.class);
        DeadlineSweeper sweeperB = b.getBean(DeadlineSweeper.class);
        for (int round = 0; round < 5; round++) {
            race(sweeperA::sweep, sweeperB::sweep);
        }
        JsonNode ticket = JSON.readTree(staff(b, "admin", "GET", "/api/tickets/" + no, null).body());
        List<String> timerActions = new ArrayList<>();
        ticket.get("history").forEach(h -> {
            String action = h.path("action").asString();
            if (action.equals("overdue") || action.equals("near-deadline")) {
                timerActions.add(action + " " + h.path("note").asString());
            }
        });
        assertThat(timerActions).as("the overdue flag was set").anyMatch(t -> t.startsWith("overdue"));
        assertThat(timerActions).as("each timer fired once: " + timerActions).doesNotHaveDuplicates();
    }

    @Test
    void aConsoleLoginOnOneInstanceHoldsOnTheOtherUntilLoggedOutOnEither() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build(); // redirects not followed
        String loginPage = browse(browser, "GET", base(a) + "/login", null).body();
        HttpResponse<String> login = browse(browser, "POST", base(a) + "/login",
                "username=centre&password=qiying-demo&_csrf=" + csrf(loginPage));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> onB = browse(browser, "GET", base(b) + "/console/tickets", null);
        assertThat(onB.statusCode()).as("the session made on A is valid on B").isEqualTo(200);
        UnifiedJedis redis = a.getBean(UnifiedJedis.class);
        List<String> sessions = new ArrayList<>(redis.keys("qiying:session:sessions:*"));
        assertThat(sessions).isNotEmpty();
        for (String session : sessions) {
            assertThat(String.join(" ", redis.hgetAll(session).values())).as("no password hash in a session").doesNotContain("$2a$");
        }

        HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        int before = redis.keys("qiying:session:sessions:*").size();
        assertThat(csrf(browse(visitor, "GET", base(a) + "/login", null).body())).isNotEmpty();
        assertThat(browse(visitor, "GET", base(b) + "/q/status", null).statusCode()).isEqualTo(200);
        HttpResponse<String> protectedPage = browse(visitor, "GET", base(a) + "/console/tickets?queue=overdue", null);
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(redis.keys("qiying:session:sessions:*")).as("anonymous page loads leave no session in Redis").hasSize(before);
        String visitorLogin = browse(visitor, "GET", base(b) + "/login", null).body();
        HttpResponse<String> landed = browse(visitor, "POST", base(b) + "/login",
                "username=centre&password=qiying-demo&_csrf=" + csrf(visitorLogin));
        assertThat(landed.headers().firstValue("Location").orElse("")).as("after the login, the page first asked for (on A)")
                .contains("/console/tickets?queue=overdue");

        HttpResponse<String> logout = browse(browser, "POST", base(b) + "/logout", "_csrf=" + csrf(onB.body()));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> afterLogout = browse(browser, "GET", base(a) + "/console/tickets", null);
        assertThat(afterLogout.statusCode()).as("logged out on B is logged out on A").isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private static final Pattern CSRF = Pattern.compile("name=\"(?:_csrf|csrf-token)\"[^>]*(?:value|content)=\"([^\"]+)\"");

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> browse(HttpClient browser, String method, String url, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return browser.send(request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<String> statusPushes(String openId) {
        List<String> labels = new ArrayList<>();
        for (FakeWeChatServer.Request r : wechat.requests("/cgi-bin/message/template/send")) {
            JsonNode body = JSON.readTree(r.body());
            if (openId.equals(body.path("touser").asString()) && TEMPLATE.equals(body.path("template_id").asString())) {
                labels.add(body.path("data").path("thing2").path("value").asString());
            }
        }
        return labels;
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        CountDownLatch ready = new CountDownLatch(calls.length);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return call.call();
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    private static HttpResponse<String> staff(ConfigurableApplicationContext instance, String user, String method, String path, String json)
            throws Exception {
        String password = "admin".equals(user) ? "two-admin" : "qiying-demo";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(instance) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
