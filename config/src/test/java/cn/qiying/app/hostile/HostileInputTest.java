package cn.qiying.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import cn.qiying.testing.WeChatProtocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * A corpus of hostile requests against every door of the whole application: the WeChat callbacks, the card form and
 * status page, the mini-program API and the staff REST API. Each is refused with a 4xx (or, where WeChat expects a 200,
 * a 200 that does nothing), never a 5xx, never a stack trace or an exception's name, and nothing it carried is stored.
 */
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=" + HostileInputTest.ADMIN, "qiying.demo.enabled=true",
        "qiying.wechat.mp.app-id=" + HostileInputTest.APP_ID, "qiying.wechat.mp.secret=hostile-secret",
        "qiying.wechat.mp.token=" + HostileInputTest.TOKEN, "qiying.wechat.mp.aes-key=" + HostileInputTest.AES_KEY})
class HostileInputTest {

    static final String ADMIN = "hostile-admin";
    static final String APP_ID = "wxhostile00000001";
    static final String TOKEN = "hostiletoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String MARK = "HOSTILE-MARK";
    static final String SCRIPT = "<script>alert('" + MARK + "')</script>\"><img src=x onerror=alert(1)>";
    static final String QUERY_SYNTAX = "* @question:{x} | -营业执照 \"\" {} % \\ ~ => $param [1 2] (@a:b)";
    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName>gh</ToUserName><FromUserName>o-x</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content>&xxe;" + MARK + "</Content><MsgId>1</MsgId></xml>";
    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<xml><Content>&lol3;</Content></xml>";
    static final String EXTERNAL_DTD = "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:9/evil.dtd\"><xml><Content>x</Content></xml>";
    static final String BIG = "诉".repeat(3 * 1024 * 1024);

    static final FakeWeChatServer wechat = FakeWeChatServer.start();

    @LocalServerPort int port;
    @Autowired UnifiedJedis redis;

    record Case(String name, String method, String path, String contentType, String body, boolean staff) {
    }

    record Outcome(Case request, int status, String body) {
    }

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        wechat.close();
    }

    @Test
    void everyHostileRequestIsRefusedCleanlyAndLeavesNothingBehind() throws Exception {
        Map<String, Long> before = stored();
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : corpus()) {
            outcomes.add(send(c));
        }

        List<String> problems = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.status() >= 500) {
                problems.add(o.request().name() + ": " + o.status());
            }
            String body = o.body() == null ? "" : o.body();
            if (body.matches("(?s).*(\\w+Exception|\\tat [a-z]|at cn\\.qiying\\.|at org\\.springframework|root:x:0).*")) {
                problems.add(o.request().name() + ": a stack trace, an exception's name or a local file in the body");
            }
            if (body.contains("<script>alert('" + MARK)) {
                problems.add(o.request().name() + ": the script came back unescaped");
            }
        }
        assertThat(problems).as("status by case: %s", summary(outcomes)).isEmpty();
        assertThat(stored()).as("nothing stored from a rejected request").isEqualTo(before);
        assertThat(outcomes).as("the corpus covers every door").hasSizeGreaterThan(40);
    }

    private List<Case> corpus() {
        long now = Instant.now().getEpochSecond();
        String mp = "/wechat/mp/callback";
        String signed = signedQuery(now, "n1");
        String replayed = signedQuery(now - 3600, "n2");
        WeChatCallbackClient client = new WeChatCallbackClient(URI.create("http://localhost:" + port + mp), TOKEN, AES_KEY, APP_ID, "gh", Mode.PLAIN);
        String otherKey = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
        String encryptedWithWrongKey = "<xml><Encrypt><![CDATA[" + WeChatProtocol.encrypt(otherKey, APP_ID, "0123456789abcdef",
                client.textXml("o-x", MARK, 9, now)) + "]]></Encrypt></xml>";
        String safe = signed + "&encrypt_type=aes&msg_signature=" + WeChatProtocol.signature(TOKEN, Long.toString(now), "n1",
                encryptedWithWrongKey.replaceAll(".*CDATA\\[(.*)]].*", "$1"));
        List<Case> cases = new ArrayList<>(List.of(
                new Case("callback without a signature", "POST", mp, "text/xml", client.textXml("o-x", MARK, 1, now), false),
                new Case("callback with a bad signature", "POST", mp + "?signature=0000&timestamp=" + now + "&nonce=1", "text/xml",
                        client.textXml("o-x", MARK, 2, now), false),
                new Case("callback replayed an hour later", "POST", mp + "?" + replayed, "text/xml", client.textXml("o-x", MARK, 3, now - 3600), false),
                new Case("callback XXE", "POST", mp + "?" + signed, "text/xml", XXE, false),
                new Case("callback billion laughs", "POST", mp + "?" + signed, "text/xml", BILLION_LAUGHS, false),
                new Case("callback external DTD", "POST", mp + "?" + signed, "text/xml", EXTERNAL_DTD, false),
                new Case("callback malformed XML", "POST", mp + "?" + signed, "text/xml", "<xml><Content>" + MARK + "</Conte", false),
                new Case("callback not XML", "POST", mp + "?" + signed, "text/xml", "{\"json\": \"" + MARK + "\"}", false),
                new Case("callback empty", "POST", mp + "?" + signed, "text/xml", "", false),
                new Case("callback oversized", "POST", mp + "?" + signed, "text/xml", "<xml><Content>" + BIG + "</Content></xml>", false),
                new Case("callback encrypted with another key", "POST", mp + "?" + safe, "text/xml", encryptedWithWrongKey, false),
                new Case("callback verification unsigned", "GET", mp + "?echostr=" + MARK, null, null, false),
                new Case("callback of an unknown channel", "POST", "/wechat/xx/callback?" + signed, "text/xml", client.textXml("o-x", MARK, 4, now), false),
                new Case("card form of an unknown card", "POST", "/q/NOSUCHCARD", "application/x-www-form-urlencoded",
                        form(Map.of("kind", "complaint", "description", SCRIPT + MARK, "submission", "x")), false),
                new Case("card page script in the path", "GET", "/q/" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8), null, null, false),
                new Case("status page garbage", "POST", "/q/status", "application/x-www-form-urlencoded",
                        form(Map.of("no", SCRIPT, "phone", QUERY_SYNTAX)), false),
                new Case("status page oversized", "POST", "/q/status", "application/x-www-form-urlencoded", form(Map.of("no", BIG)), false),
                new Case("mini-program session invalid JSON", "POST", "/api/ma/session", "application/json", "{\"code\":", false),
                new Case("mini-program session wrong type", "POST", "/api/ma/session", "application/json", "{\"code\": [1, 2]}", false),
                new Case("mini-program appeal without a token", "POST", "/api/ma/appeals", "application/json", "{\"description\": \"" + MARK + "\"}", false),
                new Case("mini-program appeal with a forged token", "POST", "/api/ma/appeals?token=forged." + MARK, "application/json",
                        "{\"description\": \"" + MARK + "\"}", false),
                new Case("staff API without credentials", "POST", "/api/tickets/import", "application/json", workOrder("\"" + MARK + "\""), false),
                new Case("knowledge search query syntax", "GET", "/api/knowledge/search?q=" + URLEncoder.encode(QUERY_SYNTAX, StandardCharsets.UTF_8), null, null, true),
                new Case("knowledge search oversized", "GET", "/api/knowledge/search?q=" + URLEncoder.encode("营业执照".repeat(2000), StandardCharsets.UTF_8), null, null, true),
                new Case("knowledge import invalid JSON", "POST", "/api/knowledge/import", "application/json", "[{\"id\": \"" + MARK, true),
                new Case("knowledge import wrong types", "POST", "/api/knowledge/import", "application/json",
                        "[{\"id\": {\"x\": 1}, \"question\": 42, \"answer\": [\"" + MARK + "\"], \"validFrom\": \"yesterday\"}]", true),
                new Case("knowledge import not a spreadsheet", "POST", "/api/knowledge/import",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\u0003\u0004" + MARK, true),
                new Case("knowledge import unknown type", "POST", "/api/knowledge/import", "application/x-evil", MARK, true),
                new Case("knowledge entry with a script", "POST", "/api/knowledge/entries", "application/json",
                        "{\"id\": \"../../etc/" + MARK + "\", \"question\": \"" + SCRIPT.replace("\"", "\\\"") + "\"}", true),
                new Case("ticket import invalid JSON", "POST", "/api/tickets/import", "application/json", "{\"externalId\": ", true),
                new Case("ticket import wrong types", "POST", "/api/tickets/import", "application/json", workOrder("{\"a\": 1}"), true),
                new Case("ticket import unknown kind", "POST", "/api/tickets/import", "application/json",
                        workOrder("\"" + MARK + "-1\"").replace("\"help\"", "\"" + MARK + "\""), true),
                new Case("ticket import huge number", "POST", "/api/tickets/import", "application/json",
                        workOrder("\"" + MARK + "-2\"").replace("\"2026-10-12T10:00:00+08:00\"", "99999999999999999999999999"), true),
                new Case("ticket import bad date", "POST", "/api/tickets/import", "application/json",
                        workOrder("\"" + MARK + "-3\"").replace("2026-10-12T10:00:00+08:00", "2026-13-45T99:00"), true),
                new Case("ticket import bad credit code", "POST", "/api/tickets/import", "application/json",
                        workOrder("\"" + MARK + "-4\"").replace("91370100MA3C8R1K2G", "91370100MA3C8R1K2H"), true),
                new Case("ticket import XML", "POST", "/api/tickets/import", "application/xml", XXE, true),
                new Case("ticket import oversized", "POST", "/api/tickets/import", "application/json", workOrder("\"" + MARK + "-5\"")
                        .replace("企业流动资金紧张", BIG), true),
                new Case("ticket action unknown", "POST", "/api/tickets/QY202601010001/" + MARK, "application/json", "{}", true),
                new Case("ticket action on no ticket", "POST", "/api/tickets/" + URLEncoder.encode("QY*|@x", StandardCharsets.UTF_8) + "/triage",
                        "application/json", "{\"complexity\": \"" + MARK + "\"}", true),
                new Case("ticket list query syntax", "GET", "/api/tickets?q=" + URLEncoder.encode(QUERY_SYNTAX, StandardCharsets.UTF_8)
                        + "&status=" + URLEncoder.encode("}|*", StandardCharsets.UTF_8), null, null, true),
                new Case("ticket list negative page", "GET", "/api/tickets?page=-1&size=99999999999", null, null, true),
                new Case("ticket list wrong types", "GET", "/api/tickets?page=abc&size=%00", null, null, true),
                new Case("stats garbage dates", "GET", "/api/stats?from=" + MARK + "&to=1e999", null, null, true),
                new Case("stats reversed range", "GET", "/api/stats?from=2026-12-01&to=2026-01-01", null, null, true),
                new Case("card with an unknown department", "POST", "/api/cards", "application/json",
                        "{\"title\": \"" + MARK + "\", \"department\": \"" + MARK + "\"}", true),
                new Case("card with wrong types", "POST", "/api/cards", "application/json", "{\"title\": [\"" + MARK + "\"]}", true),
                new Case("card QR of no card", "GET", "/api/cards/" + MARK + "/qr.png", null, null, true),
                new Case("media of a bad channel", "GET", "/api/media/evil/" + MARK, null, null, true),
                new Case("simulator hostile JSON", "POST", "/simulator/api/messages", "application/json", "{\"openId\": 5, \"text\": {}}", true),
                new Case("menu publish wrong JSON", "POST", "/api/wechat/menu", "application/json", "[[[", true)));
        return cases;
    }

    private String signedQuery(long timestamp, String nonce) {
        String ts = Long.toString(timestamp);
        return "signature=" + WeChatProtocol.signature(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    }

    private static String workOrder(String externalId) {
        return """
                {"externalId": %s, "receivedAt": "2026-10-12T10:00:00+08:00", "kind": "help", "complexity": "general",
                 "district": "历下区", "category": "融资",
                 "enterprise": {"name": "济南泉城精工有限公司", "uscc": "91370100MA3C8R1K2G", "contact": "张三", "phone": "13800000000"},
                 "description": "企业流动资金紧张，申请应急转贷资金"}
                """.formatted(externalId);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private Outcome send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path())).timeout(Duration.ofSeconds(30));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.staff()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8)));
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(c, r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            // a server may close the connection on a body it refuses to read; that is a refusal, not a 5xx
            return new Outcome(c, 499, "the server closed the connection");
        }
    }

    private Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String pattern : List.of("qiying:ticket:QY*", "qiying:knowledge:entry:*", "qiying:card:*", "qiying:conversation*")) {
            counts.put(pattern, (long) redis.keys(pattern).size());
        }
        counts.put("entries mentioning the mark", (long) redis.keys("*" + MARK + "*").size());
        return counts;
    }

    private static String summary(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        outcomes.forEach(o -> out.append("\n  ").append(o.status()).append("  ").append(o.request().name()).append("  ")
                .append(o.body() == null ? "" : o.body().substring(0, Math.min(160, o.body().length())).replace('\n', ' ')));
        return out.toString();
    }
}
