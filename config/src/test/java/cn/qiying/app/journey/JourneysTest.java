package cn.qiying.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import cn.qiying.app.journey.JourneyHttp.Answer;
import cn.qiying.app.journey.JourneyHttp.Browser;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import cn.qiying.testing.WeChatCallbackClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The three journeys of the product, through the whole application's real HTTP endpoints in demo mode (demo
 * knowledge, departments and staff): WeChat is the local fake API plus callbacks signed and encrypted as WeChat does;
 * staff use the REST API (HTTP Basic) and the console (session, CSRF) as a browser would.
 */
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=" + JourneysTest.ADMIN_PASSWORD, "qiying.demo.enabled=true", "qiying.demo.staff-password=" + JourneysTest.STAFF,
        "qiying.wechat.mp.app-id=" + JourneysTest.MP_APP_ID, "qiying.wechat.mp.secret=journey-secret",
        "qiying.wechat.mp.token=" + JourneysTest.TOKEN, "qiying.wechat.mp.aes-key=" + JourneysTest.AES_KEY,
        "qiying.conversation.opens=08:00", "qiying.conversation.closes=20:00",
        // status pushes and rating prompts as template messages, as a deployment configures them: customer-service
        // messages allow only 5 within 48 hours of the user's last message, too few for a ticket's whole life
        "qiying.wechat.mp.templates.status.id=" + JourneysTest.STATUS_TEMPLATE,
        "qiying.wechat.mp.templates.status.data.character_string1=ticketNo",
        "qiying.wechat.mp.templates.status.data.thing2=statusLabel",
        "qiying.wechat.mp.templates.status.data.time3=time",
        "qiying.wechat.mp.templates.rating_prompt.id=" + JourneysTest.RATING_TEMPLATE,
        "qiying.wechat.mp.templates.rating_prompt.data.character_string1=ticketNo",
        "qiying.wechat.mp.templates.rating_prompt.data.thing2=text"})
class JourneysTest {

    static final String ADMIN_PASSWORD = "journey-admin";
    static final String STAFF = "qiying-demo";
    static final String MP_APP_ID = "wxjourney00000001";
    static final String TOKEN = "journeytoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String USCC = "91370100MA3C8R1K2G";
    // a Monday 10:00 in Shanghai: a working day inside service hours, whatever day the tests run on
    static final Instant MONDAY = Instant.parse("2026-10-12T02:00:00Z");
    static final Pattern TICKET_NO = Pattern.compile("QY\\d{12}");
    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    static final String STATUS_TEMPLATE = "TPL_STATUS_0001";
    static final String RATING_TEMPLATE = "TPL_RATING_0001";
    private static final AtomicInteger USERS = new AtomicInteger();

    static final FakeWeChatServer wechat = FakeWeChatServer.start();

    @LocalServerPort int port;
    @Autowired Clock clock;
    JourneyHttp http;
    WeChatCallbackClient officialAccount;

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
        registry.add("qiying.wechat.mp-base-url", wechat::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        wechat.close();
    }

    @BeforeEach
    void clients() {
        http = new JourneyHttp(port);
        // the client signs each callback as WeChat does and, in safe mode, encrypts it and checks the encrypted reply
        officialAccount = new WeChatCallbackClient(URI.create(http.base() + "/wechat/mp/callback"), TOKEN, AES_KEY, MP_APP_ID,
                "gh_journey", Mode.SAFE);
    }

    @Test
    void anEnterpriseAsksTheBotThenAPersonWhoHandsItBack() {
        String openId = newUser();
        Answer search = http.staff("admin", ADMIN_PASSWORD, "GET", "/api/knowledge/search?q=" + encode("营业执照怎么办理"), null);
        assertThat(search.json().get("decision").asString()).isEqualTo("answer");
        String entryId = search.json().get("results").get(0).get("id").asString();
        String entryAnswer = http.staff("admin", ADMIN_PASSWORD, "GET", "/api/knowledge/entries/" + entryId, null)
                .json().get("answer").asString();

        assertThat(say(openId, "营业执照怎么办理")).contains(entryAnswer.substring(0, Math.min(20, entryAnswer.length())));
        assertThat(say(openId, "转人工")).contains("已为您转接人工客服");

        Browser agent = http.browser("Mozilla/5.0 (X11; Linux x86_64) Chrome/126");
        agent.logIn("centre", STAFF);
        String userKey = "mp:" + MP_APP_ID + ":" + openId;
        assertThat(agent.get("/console/conversations/board").json().get("waiting").toString()).contains(userKey);
        Answer claimed = agent.postForm("/console/conversations/claim", Map.of("u", userKey));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body()).contains("营业执照怎么办理").contains("转人工");
        assertThat(sendsTo(openId)).as("the user is told a person took over")
                .anySatisfy(body -> assertThat(body).contains("人工客服已接入"));

        assertThat(say(openId, "我们是新公司，想当面问一下窗口几点下班")).as("the bot falls silent while a person answers").isEmpty();
        assertThat(agent.get("/console/conversations/view?u=" + encode(userKey)).body()).contains("想当面问一下窗口几点下班");

        int before = sendsTo(openId).size();
        Answer sent = agent.postJson("/console/conversations/reply",
                "{\"userKey\":\"" + userKey + "\",\"text\":\"您好，政务服务大厅工作日17:00下班，午间不休息。\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("outcome").asString()).isEqualTo("sent");
        assertThat(sendsTo(openId).subList(before, sendsTo(openId).size())).anySatisfy(body ->
                assertThat(body).contains("政务服务大厅工作日17:00下班"));

        Answer handedBack = agent.postForm("/console/conversations/handback", Map.of("u", userKey));
        assertThat(handedBack.body()).contains("已交还智能客服");
        assertThat(sendsTo(openId).get(sendsTo(openId).size() - 1)).as("and told when the bot answers again")
                .contains("人工客服已结束本次服务");
        String again = say(openId, "食品经营许可证怎么申请");
        assertThat(again).as("the bot answers again after the hand-back").isNotBlank().contains("食品经营许可");
    }

    @Test
    void anEnterpriseReportsAProblemFollowsItOnWeChatAndRatesItUnsatisfied() {
        String openId = newUser();
        assertThat(say(openId, "我要求助：企业流动资金紧张，希望了解贷款贴息政策并协调银行续贷")).contains("企业名称");
        say(openId, "济南明泉精密机械有限公司");
        say(openId, USCC);
        say(openId, "张三");
        say(openId, "13800000000");
        say(openId, "历下区");
        String photo = "J2-PHOTO-" + System.nanoTime();
        assertThat(photo(openId, photo)).as("a photo of the problem, then the summary").contains("已收到图片").contains("请核对您的诉求信息");
        Matcher filed = TICKET_NO.matcher(say(openId, "确认"));
        assertThat(filed.find()).as("the user is given a ticket number").isTrue();
        String no = filed.group();

        JsonNode ticket = staffPost("centre", no, "triage", "{\"complexity\":\"general\",\"category\":\"融资\"}");
        assertThat(ticket.get("status").asString()).isEqualTo("triaged");
        staffPost("centre", no, "assign", "{\"department\":\"jrj\"}");
        staffPost("finance", no, "accept", null);
        String picture = "/api/media/mp/" + photo;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.staffGetStatus("finance", STAFF, picture + "?ticket=" + no))
                .as("the department's handler sees the ticket's photo").isEqualTo(200));
        assertThat(http.staffGetStatus("finance", STAFF, picture)).as("but only through its ticket").isEqualTo(404);
        assertThat(http.staffGetStatus("market", STAFF, picture + "?ticket=" + no))
                .as("another department's handler does not see it").isEqualTo(404);
        assertThat(http.staffGetStatus("centre", STAFF, picture)).as("the centre sees every user's media").isEqualTo(200);
        Browser handler = http.browser("Mozilla/5.0 (X11; Linux x86_64) Chrome/126");
        handler.logIn("finance", STAFF);
        assertThat(handler.get("/console/tickets/" + no).body()).as("the ticket page shows the photo")
                .contains("src=\"" + picture + "?ticket=" + no + "\"");
        staffPost("finance", no, "contact", "{\"note\":\"已电话联系张三，约定上门了解情况\"}");
        staffPost("finance", no, "reply", "{\"text\":\"已协调合作银行办理续贷，贴息申请材料清单已发送企业邮箱\"}");
        staffPost("finance", no, "resolve", "{\"result\":\"银行已同意续贷500万元，贴息申请已受理\"}");
        staffPost("centre", no, "review", "{\"passed\":true,\"comment\":\"办理规范\"}");

        List<String> expected = List.of(STATUS_TEMPLATE + " 已交办", STATUS_TEMPLATE + " 已签收", STATUS_TEMPLATE + " 已联系",
                STATUS_TEMPLATE + " 已答复", STATUS_TEMPLATE + " 已办结待评价", RATING_TEMPLATE + " ");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(pushesAbout(openId, no)).hasSize(expected.size()));
        List<String> pushes = pushesAbout(openId, no);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(pushes.get(i)).as("push %d of the ticket, in order", i + 1).contains(expected.get(i));
        }

        assertThat(say(openId, "不满意")).contains("回访");
        JsonNode rated = http.staff("supervisor", STAFF, "GET", "/api/tickets/" + no, null).json();
        assertThat(rated.get("status").asString()).isEqualTo("rated");
        assertThat(rated.get("callbackVisit").isNull()).as("an unsatisfied rating creates a callback visit").isFalse();
        Answer supervision = http.staff("supervisor", STAFF, "GET", "/api/supervision", null);
        assertThat(supervision.status()).isEqualTo(200);
        assertThat(supervision.body()).contains(no);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(pushesAbout(openId, no)).as("no push twice").hasSize(expected.size()));
    }

    @Test
    void aPersonScansAPrintedCardFilesFromAPhoneAndFollowsTheTicketToItsEnd() throws Exception {
        Answer card = http.staff("admin", ADMIN_PASSWORD, "POST", "/api/cards",
                "{\"title\":\"历下区政务服务中心企业服务专窗\",\"department\":\"scjgj\",\"district\":\"历下区\",\"place\":\"一楼大厅\"}");
        assertThat(card.status()).isIn(200, 201);
        String code = card.json().get("code").asString();
        String scanned = decodeQr(http.staffBytes("admin", ADMIN_PASSWORD, "/api/cards/" + code + "/qr.png"));
        assertThat(scanned).endsWith("/q/" + code);

        Browser phone = http.browser(JourneyHttp.PHONE_BROWSER);
        Answer form = phone.get(http.base() + URI.create(scanned).getPath());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("历下区政务服务中心企业服务专窗");
        Answer submitted = phone.postForm("/q/" + code, Map.of("kind", "complaint",
                "enterpriseName", "济南泉城餐饮管理有限公司", "uscc", USCC, "contact", "王五", "phone", "13900001111",
                "description", "食品经营许可证延续申请提交二十天没有任何答复，门店证件即将到期无法营业",
                "submission", JourneyHttp.field(form.body(), "submission")));
        assertThat(submitted.status()).isEqualTo(200);
        Matcher filed = TICKET_NO.matcher(submitted.body());
        assertThat(filed.find()).as("the phone shows a ticket number").isTrue();
        String no = filed.group();
        assertThat(status(phone, no)).contains(no).contains("已受理");

        staffPost("centre", no, "triage", "{\"complexity\":\"simple\",\"category\":\"市场准入\"}");
        JsonNode assigned = http.staff("centre", STAFF, "GET", "/api/tickets/" + no, null).json();
        if (!"assigned".equals(assigned.get("status").asString())) {
            staffPost("centre", no, "assign", "{\"department\":\"scjgj\"}");
        }
        assertThat(status(phone, no)).contains("已交办").contains("市场监管局");
        staffPost("market", no, "accept", null);
        staffPost("market", no, "contact", "{\"note\":\"已电话联系王五\"}");
        staffPost("market", no, "resolve", "{\"result\":\"延续申请已审核通过，新证已邮寄\"}");
        staffPost("centre", no, "review", "{\"passed\":true}");
        String awaiting = status(phone, no);
        assertThat(awaiting).contains("已办结待评价").contains("请对办理结果作出评价");
        Answer unchosen = phone.postForm("/q/status/rate", Map.of("token", JourneyHttp.field(awaiting, "token"), "rating", ""));
        assertThat(unchosen.status()).isEqualTo(400);
        assertThat(unchosen.body()).contains("请选择评价").contains("请对办理结果作出评价");
        Answer rated = phone.postForm("/q/status/rate", Map.of("token", JourneyHttp.field(awaiting, "token"),
                "rating", "basically_satisfied", "comment", "办理及时，但希望提前告知所需材料"));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body()).contains("感谢您的评价").doesNotContain("请对办理结果作出评价");
        JsonNode ratedTicket = http.staff("centre", STAFF, "GET", "/api/tickets/" + no, null).json();
        assertThat(ratedTicket.get("status").asString()).isEqualTo("rated");
        assertThat(ratedTicket.get("rating").get("rating").asString()).isEqualTo("basically_satisfied");
        assertThat(phone.postForm("/q/status/rate", Map.of("token", JourneyHttp.field(awaiting, "token"), "rating", "unsatisfied"))
                .status()).as("the rating token is used once").isEqualTo(400);
        staffPost("centre", no, "close", null);
        assertThat(status(phone, no)).contains("已关闭");
        assertThat(status(phone, no).replace(no, "")).doesNotContain("13900001111").as("the page does not echo the full phone");
    }

    private String status(Browser phone, String no) {
        phone.get("/q/status");
        Answer page = phone.postForm("/q/status", Map.of("no", no, "phone", "13900001111"));
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private JsonNode staffPost(String user, String no, String action, String json) {
        String password = "admin".equals(user) ? ADMIN_PASSWORD : STAFF;
        Answer answer = http.staff(user, password, "POST", "/api/tickets/" + no + "/" + action, json == null ? "{}" : json);
        assertThat(answer.status()).as("%s %s by %s: %s", action, no, user, answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** What the user sees after a message: the passive reply, plus what came as customer-service messages meanwhile. */
    private String say(String openId, String text) {
        int before = sendsTo(openId).size();
        // signed at the application's time: its clock is moved to a working Monday, and it refuses replayed timestamps
        long now = clock.instant().getEpochSecond();
        Reply reply = officialAccount.send(officialAccount.textXml(openId, text, WeChatCallbackClient.nextMsgId(), now), now,
                Long.toString(System.nanoTime()));
        assertThat(reply.status()).as("callback for %s", text).isEqualTo(200);
        StringBuilder seen = new StringBuilder(reply.content() == null ? "" : reply.content());
        List<String> sends = sendsTo(openId);
        sends.subList(before, sends.size()).forEach(s -> seen.append('\n').append(s));
        return seen.toString();
    }

    /** A picture sent in the official account, as WeChat delivers it: its URL and the media id it is kept under. */
    private String photo(String openId, String mediaId) {
        int before = sendsTo(openId).size();
        long now = clock.instant().getEpochSecond();
        Reply reply = officialAccount.send(officialAccount.imageXml(openId, "http://mmbiz.qpic.cn/" + mediaId, mediaId,
                WeChatCallbackClient.nextMsgId(), now), now, Long.toString(System.nanoTime()));
        assertThat(reply.status()).isEqualTo(200);
        StringBuilder seen = new StringBuilder(reply.content() == null ? "" : reply.content());
        List<String> sends = sendsTo(openId);
        sends.subList(before, sends.size()).forEach(s -> seen.append('\n').append(s));
        return seen.toString();
    }

    private List<String> sendsTo(String openId) {
        List<String> bodies = new ArrayList<>();
        for (FakeWeChatServer.Request r : wechat.requests(CUSTOM_SEND)) {
            JsonNode body = JourneyHttp.JSON.readTree(r.body());
            if (openId.equals(body.path("touser").asString())) {
                bodies.add(body.path("text").path("content").asString());
            }
        }
        return bodies;
    }

    /** Template messages about one ticket, each as "template-id thing2-value". */
    private List<String> pushesAbout(String openId, String no) {
        List<String> pushes = new ArrayList<>();
        for (FakeWeChatServer.Request r : wechat.requests(TEMPLATE_SEND)) {
            JsonNode body = JourneyHttp.JSON.readTree(r.body());
            JsonNode data = body.path("data");
            if (openId.equals(body.path("touser").asString()) && no.equals(data.path("character_string1").path("value").asString())) {
                pushes.add(body.path("template_id").asString() + " " + data.path("thing2").path("value").asString());
            }
        }
        return pushes;
    }

    private static String newUser() {
        return "o-journey-" + USERS.incrementAndGet() + "-" + System.nanoTime();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decodeQr(byte[] png) throws IOException, com.google.zxing.NotFoundException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }
}
