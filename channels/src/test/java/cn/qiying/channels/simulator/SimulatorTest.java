package cn.qiying.channels.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.bot.UserMessage;
import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.card.IssueCard;
import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;

class SimulatorTest extends ChannelsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String USER = "sim-tester01";

    @Autowired
    IssueCard issueCard;
    @Autowired
    Messenger messenger;

    private HttpClient browser;
    private String csrf;

    @BeforeEach
    void openThePage() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/simulator")).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("微信模拟器");
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    @Test
    void aMessageGoesThroughTheSignedCallbackAndTheReplyComesBack() throws Exception {
        HttpResponse<String> answer = post("{\"openId\":\"" + USER + "\",\"text\":\"你好\"}", true);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":200").contains("收到：你好");
        assertThat(dialog.received()).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo("mp");
            assertThat(m.appId()).isEqualTo(MP_APP_ID);
            assertThat(m.openId()).isEqualTo(USER);
        });
        assertThat(post("{\"openId\":\"" + USER + "\",\"text\":\"无令牌\"}", false).statusCode()).isEqualTo(403);
        assertThat(post("{\"openId\":\"o-real-user\",\"text\":\"冒充\"}", true).statusCode()).isEqualTo(400);
    }

    @Test
    void slowAnswersAndPushesWaitInTheOutboxInsteadOfGoingToWeChat() throws Exception {
        dialog.answerAfter(Duration.ofMillis(1200));
        assertThat(post("{\"openId\":\"" + USER + "\",\"text\":\"慢一点\"}", true).body()).contains("\"replies\":[]");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outbox()).contains("收到：慢一点"));
        assertThat(messenger.deliver(new Push(UUID.randomUUID().toString(), "mp", MP_APP_ID, USER, Push.Kind.STATUS,
                "JN1", "您的诉求已办结", Map.of())).outcome()).isEqualTo(Messenger.Delivery.Outcome.SENT);
        assertThat(outbox()).contains("您的诉求已办结");
        assertThat(WECHAT.requests("/cgi-bin/message/custom/send")).isEmpty();
    }

    @Test
    void scanningADemoCardReportsItsScene() throws Exception {
        String code = issueCard.issue("演示服务卡", null, null, null).orElseThrow(r -> new AssertionError(r.messageKey())).getCode();
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/simulator")).GET().build()).body()).contains(code);
        post("{\"openId\":\"" + USER + "\",\"event\":\"SCAN\",\"eventKey\":\"card:" + code + "\"}", true);
        assertThat(dialog.received()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(UserMessage.Kind.SCAN);
            assertThat(m.scene()).isEqualTo("card:" + code);
        });
    }

    private String outbox() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "/simulator/api/outbox?openId=" + USER)).GET().build()).body();
    }

    private HttpResponse<String> post(String json, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/simulator/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
