package cn.qiying.channels.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.platform.text.Texts;

class LandingPageTest extends ChannelsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("id=\"ticket-no\">([^<]+)<");

    @Autowired
    Texts texts;

    @Autowired
    IssueCard issueCard;
    @Autowired
    AppealDesk desk;

    private HttpClient browser;

    @BeforeEach
    void freshBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void theFormShowsTheCardWithItsTextEscaped() throws Exception {
        String code = issueCard.issue("<script>alert(1)</script>服务卡", null, "历下区", "政务大厅").orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        HttpResponse<String> page = get("/q/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;服务卡").doesNotContain("<script>alert(1)")
                .contains("历下区").contains("统一社会信用代码").contains("name=\"_csrf\"");
        assertThat(get("/q/NOPE0000").statusCode()).isEqualTo(404);
    }

    @Test
    void problemsAreShownBesideTheirFields() throws Exception {
        String code = issueCard.issue("营商服务卡", null, "历下区", null).orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        HttpResponse<String> form = get("/q/" + code);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "help");
        fields.put("enterpriseName", "济南某某科技有限公司");
        fields.put("uscc", "123");
        fields.put("phone", "12345");
        fields.put("description", "");
        HttpResponse<String> answer = post("/q/" + code, form.body(), fields);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"uscc-error\"").contains(texts.text("appeal.refusal.uscc-invalid", "123"))
                .contains("id=\"phone-error\"").contains(texts.text("appeal.refusal.phone-invalid"))
                .contains("id=\"contact-error\"").contains("id=\"description-error\"")
                .doesNotContain("id=\"enterpriseName-error\"")
                .contains("value=\"济南某某科技有限公司\"");
    }

    @Test
    void aDoubleSubmitFilesOneTicket() throws Exception {
        String code = issueCard.issue("营商服务卡", null, "历下区", "政务大厅").orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        HttpResponse<String> form = get("/q/" + code);
        Map<String, String> fields = valid();
        HttpResponse<String> first = post("/q/" + code, form.body(), fields);
        HttpResponse<String> second = post("/q/" + code, form.body(), fields);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String no = ticket(first.body());
        assertThat(ticket(second.body())).isEqualTo(no);
        assertThat(desk.find(no)).hasValueSatisfying(t -> assertThat(t.description()).contains("融资"));

        HttpResponse<String> another = post("/q/" + code, get("/q/" + code).body(), fields);
        assertThat(ticket(another.body())).isNotEqualTo(no);
    }

    @Test
    void offWeChatTheProgressIsShownToWhoeverHasTheNumberAndThePhone() throws Exception {
        String code = issueCard.issue("营商服务卡", null, "历下区", null).orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        HttpResponse<String> submitted = post("/q/" + code, get("/q/" + code).body(), valid());
        String no = ticket(submitted.body());
        assertThat(submitted.body()).contains("/q/status?no=" + no);

        String page = get("/q/status?no=" + no).body();
        assertThat(page).contains("value=\"" + no + "\"");
        HttpResponse<String> wrong = post("/q/status", page, Map.of("no", no, "phone", "13911112222"));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("未找到该工单").doesNotContain("id=\"ticket-no\"");

        HttpResponse<String> right = post("/q/status", page, Map.of("no", no, "phone", valid().get("phone")));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("id=\"ticket-no\"").contains(no).contains("已受理");

        for (int i = 0; i < 10; i++) {
            post("/q/status", page, Map.of("no", no, "phone", "1390000000" + i));
        }
        HttpResponse<String> guessing = post("/q/status", page, Map.of("no", no, "phone", valid().get("phone")));
        assertThat(guessing.statusCode()).isEqualTo(429);
        assertThat(guessing.body()).contains("尝试次数过多");
    }

    @Test
    void insideWeChatTheVisitorIsIdentifiedSoPushesReachThem() throws Exception {
        String code = issueCard.issue("营商服务卡", null, "历下区", null).orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        String weChat = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI";
        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(base() + "/q/" + code)).header("User-Agent", weChat).GET().build());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + MP_APP_ID)
                .contains("redirect_uri=" + URLEncoder.encode("https://qiying.example.cn/q/" + code, StandardCharsets.UTF_8))
                .contains("scope=snsapi_base").contains("state=card"));

        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(base() + "/q/" + code + "?code=wx42&state=card"))
                .header("User-Agent", weChat).GET().build());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(WECHAT.requests("/sns/oauth2/access_token")).singleElement()
                .satisfies(r -> assertThat(r.param("code")).isEqualTo("wx42"));

        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/q/" + code)).header("User-Agent", weChat).GET().build());
        assertThat(form.statusCode()).isEqualTo(200);
        String no = ticket(post("/q/" + code, form.body(), valid()).body());
        assertThat(desk.openTicketsOf("mp", MP_APP_ID, "oauth-wx42")).extracting(t -> t.no()).contains(no);
    }

    @Test
    void aCardForAnUnknownDepartmentIsNeverIssued() {
        // otherwise every appeal from the printed card would be refused by the desk
        assertThat(issueCard.issue("无主服务卡", "不存在的部门", null, null).refusal())
                .extracting(r -> r.messageKey()).isEqualTo("ticket.refusal.unknown-department");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String code = issueCard.issue("营商服务卡", null, null, null).orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + "/q/" + code))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(valid()))).build());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private static Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "help");
        fields.put("enterpriseName", "济南某某科技有限公司");
        fields.put("uscc", "91370100MA3C8R1K2G");
        fields.put("contact", "张三");
        fields.put("phone", "13800000000");
        fields.put("description", "企业融资困难，希望了解贴息政策。");
        return fields;
    }

    private static String ticket(String page) {
        Matcher m = TICKET.matcher(page);
        assertThat(m.find()).as("a ticket number on the page:\n" + page).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private HttpResponse<String> post(String path, String formPage, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", group(CSRF, formPage));
        Matcher submission = SUBMISSION.matcher(formPage);
        if (submission.find()) {
            all.put("submission", submission.group(1));
        }
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all))).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String group(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as(pattern + " in the page").isTrue();
        return m.group(1);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
