package cn.qiying.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;

/**
 * The whole application's content administration (knowledge entries and imports, service cards, the official account's
 * menu, undelivered replies) as a matrix of every role × every endpoint: the centre (admin, operator) changes content,
 * everyone reads it, and a refused call is a 403 problem detail that changed nothing.
 */
@ExtendWith(RealRedis.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qiying.admin.password=" + AdministrationAccessTest.PASSWORD, "qiying.demo.enabled=false", "qiying.public-base-url=https://qiying.example.gov.cn",
        "qiying.wechat.mp.app-id=wxaccess000000001", "qiying.wechat.mp.secret=access-secret",
        "qiying.wechat.mp.token=accesstoken", "qiying.wechat.mp.aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
        "qiying.wechat.mp.menu[0].name=办事指南", "qiying.wechat.mp.menu[0].type=click", "qiying.wechat.mp.menu[0].key=GUIDE"})
class AdministrationAccessTest {

    static final String PASSWORD = "access-matrix-secret";
    static final FakeWeChatServer wechat = FakeWeChatServer.start();

    @LocalServerPort int port;
    @Autowired StaffUsers users;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Username → what the user is: the bootstrap admin and one user of each other role. */
    static final Map<String, StaffRole> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin", StaffRole.ADMIN);
        ROLES.put("acc-operator", StaffRole.OPERATOR);
        ROLES.put("acc-supervisor", StaffRole.SUPERVISOR);
        ROLES.put("acc-handler", StaffRole.HANDLER);
    }

    record Call(String name, String method, String path, String contentType, String body, Set<StaffRole> allowed) {
    }

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", wechat::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        wechat.close();
    }

    @BeforeEach
    void staff() {
        ROLES.forEach((name, role) -> {
            if (role != StaffRole.ADMIN) {
                users.save(name, name, PASSWORD, Set.of(role), role == StaffRole.HANDLER ? "scjgj" : null);
            }
        });
    }

    List<Call> calls(String user) {
        Set<StaffRole> centre = EnumSet.of(StaffRole.ADMIN, StaffRole.OPERATOR);
        Set<StaffRole> everyone = EnumSet.allOf(StaffRole.class);
        String id = "acc-" + user;
        String entry = "{\"id\":\"" + id + "\",\"question\":\"如何办理营业执照变更？\",\"answer\":\"携带材料到政务服务中心办理。\","
                + "\"category\":\"市场主体登记\"}";
        return List.of(
                new Call("create entry", "POST", "/api/knowledge/entries", "application/json", entry, centre),
                new Call("replace entry", "PUT", "/api/knowledge/entries/" + id + "-pre", "application/json",
                        entry.replace(id, id + "-pre"), centre),
                new Call("delete entry", "DELETE", "/api/knowledge/entries/" + id + "-del", null, null, centre),
                new Call("import entries", "POST", "/api/knowledge/import", "application/json",
                        "[" + entry.replace(id, id + "-imp") + "]", centre),
                new Call("list entries", "GET", "/api/knowledge/entries", null, null, everyone),
                new Call("search knowledge", "GET", "/api/knowledge/search?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7", null, null, everyone),
                new Call("issue card", "POST", "/api/cards", "application/json",
                        "{\"title\":\"" + user + " 的服务卡\",\"district\":\"历下区\"}", centre),
                new Call("list cards", "GET", "/api/cards", null, null, everyone),
                new Call("read menu", "GET", "/api/wechat/menu", null, null, everyone),
                new Call("publish menu", "POST", "/api/wechat/menu", null, null, centre),
                new Call("undelivered replies", "GET", "/api/wechat/undelivered", null, null,
                        EnumSet.of(StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.SUPERVISOR)),
                new Call("go-live check", "GET", "/api/wechat/go-live", null, null, EnumSet.of(StaffRole.ADMIN)));
    }

    @Test
    void theCentreAdministersContentAndEveryoneElseIsRefusedWithoutEffect() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, StaffRole> user : ROLES.entrySet()) {
            String id = "acc-" + user.getKey();
            // the entries the replace and delete calls act on, written by the admin
            String seed = "{\"question\":\"企业开办需要多久？\",\"answer\":\"一个工作日内办结。\",\"category\":\"企业开办\",\"id\":\"";
            assertThat(send("admin", "PUT", "/api/knowledge/entries/" + id + "-pre", "application/json", seed + id + "-pre\"}").statusCode()).isEqualTo(200);
            assertThat(send("admin", "PUT", "/api/knowledge/entries/" + id + "-del", "application/json", seed + id + "-del\"}").statusCode()).isEqualTo(200);
            for (Call call : calls(user.getKey())) {
                int menusBefore = wechat.requests("/cgi-bin/menu/create").size();
                int cardsBefore = cardCount();
                HttpResponse<String> response = send(user.getKey(), call.method(), call.path(), call.contentType(), call.body());
                boolean allowed = call.allowed().contains(user.getValue());
                int status = response.statusCode();
                checked++;
                if (allowed && (status < 200 || status > 299)) {
                    wrong.add(user.getKey() + " " + call.name() + ": expected 2xx, got " + status + " " + response.body());
                }
                if (!allowed) {
                    if (status != 403 || !response.body().contains("\"status\":403")) {
                        wrong.add(user.getKey() + " " + call.name() + ": expected a 403 problem, got " + status + " " + response.body());
                    }
                    if (wechat.requests("/cgi-bin/menu/create").size() != menusBefore || cardCount() != cardsBefore) {
                        wrong.add(user.getKey() + " " + call.name() + ": refused, yet something changed");
                    }
                }
            }
            boolean centre = user.getValue() == StaffRole.ADMIN || user.getValue() == StaffRole.OPERATOR;
            assertThat(send("admin", "GET", "/api/knowledge/entries/" + id, null, null).statusCode())
                    .as("%s's new entry exists only if the centre wrote it", user.getKey()).isEqualTo(centre ? 200 : 404);
            assertThat(send("admin", "GET", "/api/knowledge/entries/" + id + "-del", null, null).statusCode())
                    .as("%s's delete took effect only for the centre", user.getKey()).isEqualTo(centre ? 404 : 200);
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(ROLES.size() * calls("x").size());
    }

    @Test
    void anonymousCallersAreAskedToLogIn() throws Exception {
        for (Call call : calls("anonymous")) {
            HttpResponse<String> response = send(null, call.method(), call.path(), call.contentType(), call.body());
            assertThat(response.statusCode()).as(call.name()).isEqualTo(401);
        }
    }

    private int cardCount() throws Exception {
        String cards = send("admin", "GET", "/api/cards", null, null).body();
        return cards.split("\"code\"", -1).length - 1;
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            String credentials = user + ":" + PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
