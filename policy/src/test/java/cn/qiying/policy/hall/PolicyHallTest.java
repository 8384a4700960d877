package cn.qiying.policy.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.policy.Api;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.RecordingTextMessages;
import cn.qiying.policy.Sample;
import cn.qiying.policy.Staff;
import cn.qiying.policy.binding.EnterpriseBindings;
import cn.qiying.policy.link.HallLinks;
import cn.qiying.policy.push.Subscriptions;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/**
 * The public hall over HTTP as a phone's browser sees it: search in force policies, a visitor known by a signed link
 * binds their enterprise and sees what fits and why, chooses topics; and the attacks an anonymous page meets.
 */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyHallTest {

    static final String USCC = Sample.uscc(9501);
    static final String MOBILE = "13955556666";
    static int visitors;

    @LocalServerPort int port;
    @Autowired Staff staff;
    @Autowired MovableClock clock;
    @Autowired HallLinks links;
    @Autowired RecordingTextMessages sms;
    @Autowired EnterpriseBindings bindings;
    @Autowired Subscriptions subscriptions;
    Api api;
    HallClient phone;
    String user;

    @BeforeEach
    void policiesAndAnEnterprise() {
        RealRedis.clean();
        clock.set(PolicyTestApplication.START.plus(Duration.ofMinutes(visitors * 3L))); // a fresh minute for the rate limit
        api = new Api(port);
        staff.create();
        phone = new HallClient(port);
        user = "mp:wxhall000001:o-hall-" + (++visitors);
        post("/api/enterprises", List.of(Map.of("uscc", USCC, "name", "南湖芯片设计有限公司", "district", "南湖区", "industry", "I",
                "scale", "small", "tags", List.of("高新技术企业"), "contacts", List.of(Map.of("name", "钱总", "phone", MOBILE)))));
        post("/api/policies", List.of(
                policy("hall-1", "高新技术企业认定奖励", "对首次认定的高新技术企业给予一次性奖励", "资金补贴", Map.of("allTags", List.of("高新技术企业")), null),
                policy("hall-2", "制造业设备更新贴息", "对制造业企业设备更新贷款给予贴息", "融资支持", Map.of("industries", List.of("C")), null),
                policy("hall-3", "软件企业所得税优惠", "符合条件的软件企业享受所得税减免", "税费优惠", Map.of("industries", List.of("I"), "scales", List.of("small", "micro")), null),
                policy("hall-old", "已到期的创业补贴", "过期政策不在大厅展示", "资金补贴", Map.of(), "2026-06-30")));
    }

    @Test
    void anyoneSearchesThePoliciesInForceWithoutASession() {
        HttpResponse<String> hall = phone.get("/hall");
        assertThat(hall.statusCode()).isEqualTo(200);
        assertThat(hall.body()).contains("高新技术企业认定奖励").contains("制造业设备更新贴息").doesNotContain("已到期的创业补贴")
                .contains("共 3 条有效政策");
        assertThat(hall.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(hall.body()).doesNotContain("<script").doesNotContain("style=\"");
        assertThat(phone.hasCookie("SESSION")).isFalse();
        assertThat(phone.get("/hall?q=贴息").body()).contains("制造业设备更新贴息").doesNotContain("软件企业所得税优惠");
        assertThat(phone.get("/hall?topic=税费优惠").body()).contains("软件企业所得税优惠").doesNotContain("高新技术企业认定奖励");
        HttpResponse<String> page = phone.get("/hall/policies/hall-1");
        assertThat(page.body()).contains("对首次认定的高新技术企业给予一次性奖励").doesNotContain("贵企业符合条件");
        assertThat(phone.get("/hall/policies/hall-old").body()).contains("该政策不在有效期内");
        assertThat(phone.get("/hall/policies/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileInputIsEscapedAndNeverReadAsQuerySyntax() {
        HttpResponse<String> xss = phone.get("/hall?q=" + enc("<script>alert(1)</script>\"><img src=x onerror=alert(2)>"));
        assertThat(xss.statusCode()).isEqualTo(200);
        assertThat(xss.body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").contains("&lt;script&gt;");
        for (String q : List.of("@title:{*}", "*", "-(高新)", "%%高新%%", "\"高新", "|||", "@validTo:[0 1]", "~高新 => {$weight: 9}")) {
            HttpResponse<String> r = phone.get("/hall?q=" + enc(q));
            assertThat(r.statusCode()).as(q).isEqualTo(200);
            assertThat(r.body()).as(q).doesNotContain("已到期的创业补贴");
        }
        assertThat(phone.get("/hall?topic=" + enc("资金补贴} | @department:{*")).statusCode()).isEqualTo(200);
        assertThat(phone.get("/hall?q=" + enc("高".repeat(300))).statusCode()).isEqualTo(414);
        assertThat(phone.get("/hall?page=99999999").statusCode()).isEqualTo(200);
        assertThat(phone.get("/hall/policies/" + enc("../../etc/passwd")).statusCode()).isIn(400, 404);
        assertThat(phone.get("/hall/policies/" + enc("<b>x")).statusCode()).isEqualTo(404);
    }

    @Test
    void aVisitorFromTheChatBindsTheirEnterpriseAndSeesWhatFitsAndWhy() {
        phone.open(entry(user));
        assertThat(phone.hasCookie("qiying_hall")).isTrue();
        HttpResponse<String> hall = phone.get("/hall");
        assertThat(hall.body()).contains("绑定企业").contains("订阅政策主题");

        assertThat(phone.post("/hall/binding/code", Map.of("uscc", USCC), false).statusCode()).as("no CSRF token").isEqualTo(403);
        phone.get("/hall");
        HttpResponse<String> sent = phone.post("/hall/binding/code", Map.of("uscc", USCC), true);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("139****6666").doesNotContain(MOBILE);
        HttpResponse<String> bound = phone.post("/hall/binding/confirm", Map.of("uscc", USCC, "code", sms.lastCode(MOBILE)), true);
        assertThat(bound.statusCode()).isEqualTo(302);
        assertThat(bindings.bindingOf(user)).isPresent();

        HttpResponse<String> mine = phone.open("/hall?done=bound");
        assertThat(mine.body()).contains("适合我的政策").contains("南湖芯片设计有限公司")
                .contains("高新技术企业认定奖励").contains("符合：具备标签：高新技术企业")
                .contains("软件企业所得税优惠").contains("所属行业：信息传输、软件和信息技术服务业；企业规模：小型");
        String fitting = mine.body().substring(mine.body().indexOf("id=\"fitting\""), mine.body().indexOf("</ul>", mine.body().indexOf("id=\"fitting\"")));
        assertThat(fitting).doesNotContain("制造业设备更新贴息");
        assertThat(phone.get("/hall/policies/hall-3").body()).contains("贵企业符合条件").contains("企业规模：小型");
        assertThat(phone.get("/hall/policies/hall-2").body()).contains("暂不符合本政策的条件");

        phone.get("/hall");
        HttpResponse<String> saved = phone.post("/hall/subscriptions", Map.of("topic", "税费优惠"), true);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(subscriptions.of(user).topics()).containsExactly("税费优惠");
        assertThat(phone.open("/hall?done=subscribed").body()).contains("订阅设置已保存");
    }

    @Test
    void aWrongCodeIsRefusedPolitelyAndALaterOneLocksOut() {
        phone.open(entry(user));
        phone.get("/hall");
        phone.post("/hall/binding/code", Map.of("uscc", USCC), true);
        String wrong = sms.lastCode(MOBILE).equals("000000") ? "111111" : "000000";
        HttpResponse<String> first = phone.post("/hall/binding/confirm", Map.of("uscc", USCC, "code", wrong), true);
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.body()).contains("验证码不正确，还可尝试 4 次");
        phone.post("/hall/binding/confirm", Map.of("uscc", USCC, "code", wrong), true);
        phone.post("/hall/binding/confirm", Map.of("uscc", USCC, "code", wrong), true);
        HttpResponse<String> locked = phone.post("/hall/binding/confirm", Map.of("uscc", USCC, "code", wrong), true);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("错误次数过多");
        assertThat(bindings.bindingOf(user)).isEmpty();
    }

    @Test
    void aForgedOrExpiredLinkKnowsNobody() {
        String link = entry(user);
        phone.open(link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA"));
        assertThat(phone.hasCookie("qiying_hall")).isFalse();
        assertThat(phone.post("/hall/subscriptions", Map.of("topic", "资金补贴"), false).statusCode()).isEqualTo(403);

        HallClient late = new HallClient(port);
        clock.advance(Duration.ofDays(8));
        late.open(link);
        assertThat(late.hasCookie("qiying_hall")).as("links identify for seven days").isFalse();
        assertThat(late.get("/hall").body()).contains("从公众号菜单或推送消息进入政策大厅");
    }

    @Test
    void oneAddressIsLimitedPerMinute() {
        int refused = 0;
        for (int i = 0; i < 125; i++) {
            refused += phone.get("/hall/hall.css").statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(5);
        HttpResponse<String> limited = phone.get("/hall");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        clock.advance(Duration.ofMinutes(1));
        assertThat(phone.get("/hall").statusCode()).isEqualTo(200);
    }

    private String entry(String userKey) {
        return links.entry(userKey).replace("http://localhost:8080", "");
    }

    private static Map<String, Object> policy(String id, String title, String summary, String topic, Map<String, Object> conditions, String validTo) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(Map.of("id", id, "title", title, "summary", summary, "department", "市发展改革委",
                "topics", List.of(topic), "conditions", conditions));
        if (validTo != null) {
            p.put("validTo", validTo);
        }
        return p;
    }

    private void post(String path, Object body) {
        Api.Answer answer = api.post(Staff.OPERATOR, path, Json.MAPPER.writeValueAsString(body));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
