package cn.qiying.policy.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.handoff.RecordingMessenger;
import cn.qiying.handoff.notify.Messenger.Delivery;
import cn.qiying.handoff.notify.Push;
import cn.qiying.policy.Api;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.Sample;
import cn.qiying.policy.Staff;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;
import tools.jackson.databind.JsonNode;

/**
 * Precise push through the API: only the bound users of matched enterprises get a policy, each enterprise once per
 * policy, each user as their subscription says and within the weekly cap; a passing failure is retried, a click on
 * the pushed link is counted.
 */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyPushTest {

    static final String HIGH_TECH = Sample.uscc(8001);
    static final String HIGH_TECH_TOO = Sample.uscc(8002);
    static final String PLAIN = Sample.uscc(8003);
    static final String NOBODY_BOUND = Sample.uscc(8004);
    static final String A1 = "mp:wxpolicy0001:o-a1";
    static final String A2 = "mp:wxpolicy0001:o-a2";
    static final String B = "mp:wxpolicy0001:o-b";
    static final String C = "mp:wxpolicy0001:o-c";
    static int policies;

    @LocalServerPort int port;
    @Autowired Staff staff;
    @Autowired MovableClock clock;
    @Autowired RecordingMessenger messenger;
    @Autowired Subscriptions subscriptions;
    @Autowired PushRetries retries;
    Api api;

    @BeforeEach
    void enterprisesAndTheirUsers() {
        RealRedis.clean(); // each test starts with no pushes, caps or subscriptions
        clock.set(PolicyTestApplication.START);
        api = new Api(port);
        staff.create();
        messenger.reset();
        post("/api/enterprises", List.of(firm(HIGH_TECH, "南湖区", "高新技术企业"), firm(HIGH_TECH_TOO, "北山区", "高新技术企业"),
                firm(PLAIN, "南湖区", "民营企业"), firm(NOBODY_BOUND, "南湖区", "高新技术企业")));
        bind(HIGH_TECH, A1);
        bind(HIGH_TECH, A2);
        bind(HIGH_TECH_TOO, B);
        bind(PLAIN, C);
    }

    @Test
    void aPolicyReachesOnlyTheBoundUsersOfMatchedEnterprisesAndEachEnterpriseOnce() {
        String id = policy(List.of("高新技术企业"), "资金补贴");
        JsonNode first = push(id);
        assertThat(first.get("matched").asLong()).isEqualTo(3);
        assertThat(first.get("sent").asLong()).isEqualTo(3);
        assertThat(first.get("skipped").asLong()).isEqualTo(1);
        assertThat(reasons(first)).isEqualTo(Map.of("no-bound-user", 1L));
        assertThat(recipients()).containsExactlyInAnyOrder("o-a1", "o-a2", "o-b");

        Push push = messenger.attempts().get(0);
        assertThat(push.kind()).isEqualTo(Push.Kind.NOTICE);
        assertThat(push.channel()).isEqualTo("mp");
        assertThat(push.appId()).isEqualTo("wxpolicy0001");
        assertThat(push.id()).isEqualTo("policy:" + id + ":mp:wxpolicy0001:" + push.openId());
        assertThat(push.fields().get("url")).startsWith("http://localhost:8080/hall/policies/" + id + "?t=");
        assertThat(push.text()).contains("高企培育奖励" + id).contains("具备标签：高新技术企业").contains(push.fields().get("url"));

        messenger.reset();
        JsonNode again = push(id);
        assertThat(again.get("sent").asLong()).isZero();
        assertThat(reasons(again)).isEqualTo(Map.of("already-pushed", 2L, "no-bound-user", 1L));
        assertThat(messenger.attempts()).isEmpty();
        assertThat(api.get(Staff.OPERATOR, "/api/enterprises/" + HIGH_TECH).body().get("policiesPushed").get(0).asString()).isEqualTo(id);
    }

    @Test
    void subscriptionsDecideWhatEachUserGets() {
        subscriptions.choose(A1, false, List.of("税费优惠"));
        subscriptions.choose(A2, true, List.of());
        JsonNode grants = push(policy(List.of("高新技术企业"), "资金补贴"));
        assertThat(recipients()).containsExactly("o-b");
        assertThat(reasons(grants)).isEqualTo(Map.of("not-subscribed", 1L, "paused", 1L, "no-bound-user", 1L));

        messenger.reset();
        push(policy(List.of("高新技术企业"), "税费优惠"));
        assertThat(recipients()).containsExactlyInAnyOrder("o-a1", "o-b");
    }

    @Test
    void noUserGetsMoreThanTheWeeklyCap() {
        for (int i = 0; i < 3; i++) {
            push(policy(List.of("高新技术企业"), "资金补贴"));
        }
        assertThat(recipients().stream().filter("o-b"::equals)).hasSize(3);
        messenger.reset();
        JsonNode fourth = push(policy(List.of("高新技术企业"), "资金补贴"));
        assertThat(fourth.get("sent").asLong()).isZero();
        assertThat(reasons(fourth)).containsEntry("weekly-cap", 3L);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        messenger.reset();
        JsonNode nextWeek = push(policy(List.of("高新技术企业"), "资金补贴"));
        assertThat(nextWeek.get("sent").asLong()).isEqualTo(3);
    }

    @Test
    void aPassingFailureIsRetriedAndARefusalGivesTheWeekBack() {
        messenger.answerNext(Delivery.retry("HTTP 500"), Delivery.refused("user unsubscribed"), Delivery.sent());
        JsonNode report = push(policy(List.of("高新技术企业"), "资金补贴"));
        assertThat(report.get("sent").asLong()).isEqualTo(1);
        assertThat(report.get("retrying").asLong()).isEqualTo(1);
        assertThat(reasons(report)).containsEntry("refused", 1L);
        Push retried = messenger.attempts().get(0);

        assertThat(retries.retryDue()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(retries.retryDue()).isEqualTo(1);
        assertThat(messenger.attempts().get(messenger.attempts().size() - 1).id()).isEqualTo(retried.id());
        assertThat(retries.waiting()).isZero();
        assertThat(api.get(Staff.OPERATOR, "/api/policies/" + "grant-" + policies + "/reach").body().get("sent").asLong()).isEqualTo(2);
    }

    @Test
    void openingThePushedLinkCountsAClick() throws Exception {
        String id = policy(List.of("高新技术企业"), "资金补贴");
        push(id);
        String url = messenger.attempts().get(0).fields().get("url").replace("http://localhost:8080", "http://localhost:" + port);
        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/hall/policies/" + id);
        assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow()).contains("qiying_hall=").contains("HttpOnly");
        JsonNode reach = api.get(Staff.OPERATOR, "/api/policies/" + id + "/reach").body();
        assertThat(reach.get("matched").asLong()).isEqualTo(3);
        assertThat(reach.get("enterprises").asLong()).isEqualTo(2);
        assertThat(reach.get("sent").asLong()).isEqualTo(3);
        assertThat(reach.get("clicks").asLong()).isEqualTo(1);
        assertThat(reach.get("users").asLong()).isEqualTo(1);

        String forged = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(forged)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.get(Staff.OPERATOR, "/api/policies/" + id + "/reach").body().get("clicks").asLong()).as("a forged token counts nothing").isEqualTo(1);
    }

    @Test
    void onlyTheCentrePushes() {
        String id = policy(List.of("高新技术企业"), "资金补贴");
        assertThat(api.post(Staff.HANDLER, "/api/policies/" + id + "/push", "{}").status()).isEqualTo(403);
        assertThat(api.post(null, "/api/policies/" + id + "/push", "{}").status()).isEqualTo(401);
        assertThat(messenger.attempts()).isEmpty();
    }

    private JsonNode push(String id) {
        Api.Answer answer = api.post(Staff.OPERATOR, "/api/policies/" + id + "/push", "{}");
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private String policy(List<String> allTags, String topic) {
        String id = "grant-" + (++policies);
        post("/api/policies", List.of(Map.of("id", id, "title", "高企培育奖励" + id, "summary", "对认定的企业给予奖励",
                "department", "市科技局", "topics", List.of(topic), "conditions", Map.of("allTags", allTags))));
        return id;
    }

    private void post(String path, Object body) {
        Api.Answer answer = api.post(Staff.OPERATOR, path, Json.MAPPER.writeValueAsString(body));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }

    private void bind(String uscc, String userKey) {
        Api.Answer answer = api.post(Staff.OPERATOR, "/api/enterprises/" + uscc + "/bindings", "{\"userKey\":\"" + userKey + "\"}");
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }

    private List<String> recipients() {
        return messenger.attempts().stream().map(Push::openId).toList();
    }

    private static Map<String, Long> reasons(JsonNode report) {
        return java.util.stream.StreamSupport.stream(report.get("skippedBecause").spliterator(), false)
                .collect(Collectors.toMap(r -> r.get("reason").asString(), r -> r.get("count").asLong()));
    }

    private static Map<String, Object> firm(String uscc, String district, String tag) {
        return Map.of("uscc", uscc, "name", "企业" + uscc.substring(14), "district", district, "industry", "C",
                "scale", "small", "tags", List.of(tag), "contacts", List.of(Map.of("name", "联系人", "phone", "13800001111")));
    }

}
