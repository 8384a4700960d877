package cn.qiying.channels.ma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.channels.ChannelsIntegrationTest;

class MiniProgramApiTest extends ChannelsIntegrationTest {

    private static final String APPEAL = "{\"kind\":\"help\",\"complexity\":\"general\",\"district\":\"历下区\",\"category\":\"融资\","
            + "\"enterprise\":{\"name\":\"济南某某科技有限公司\",\"uscc\":\"91370100MA3C8R1K2G\",\"contact\":\"张三\",\"phone\":\"13800000000\"},"
            + "\"description\":\"希望了解科技型中小企业贷款贴息政策。\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    SessionTokens tokens;

    @Test
    void aLoginCodeBecomesASessionTokenBoundToTheOpenId() {
        HttpResponse<String> session = call("POST", "/api/ma/session", null, "{\"code\":\"login1\"}");
        assertThat(session.statusCode()).isEqualTo(200);
        String token = json.readTree(session.body()).get("token").asText();
        assertThat(tokens.openId(token)).hasValue("ma-login1");
        assertThat(WECHAT.requests("/sns/jscode2session")).singleElement().satisfies(r -> {
            assertThat(r.param("appid")).isEqualTo(MA_APP_ID);
            assertThat(r.param("js_code")).isEqualTo("login1");
            assertThat(r.param("grant_type")).isEqualTo("authorization_code");
        });
        assertThat(call("POST", "/api/ma/session", null, "{\"code\":\"bad-code\"}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/ma/session", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void theApiNeedsAGenuineUnexpiredToken() {
        assertThat(call("GET", "/api/ma/appeals", null, null).statusCode()).isEqualTo(401);
        String token = tokens.issue("ma-someone").token();
        String forged = token.substring(0, token.indexOf('.')) + ".AAAA" + token.substring(token.indexOf('.') + 5);
        assertThat(call("GET", "/api/ma/appeals", forged, null).statusCode()).isEqualTo(401);
        String expired = tokens.issue("ma-someone", Instant.now().minusSeconds(1)).token();
        assertThat(call("GET", "/api/ma/appeals", expired, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/ma/appeals", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserFilesListsAndReadsOnlyTheirOwnAppeals() {
        String token = login("owner1");
        HttpResponse<String> filed = call("POST", "/api/ma/appeals", token, APPEAL);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode ticket = json.readTree(filed.body());
        String no = ticket.get("no").asText();
        assertThat(ticket.get("statusLabel").asText()).isNotBlank();

        HttpResponse<String> mine = call("GET", "/api/ma/appeals", token, null);
        assertThat(mine.body()).contains(no);
        HttpResponse<String> detail = call("GET", "/api/ma/appeals/" + no, token, null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(json.readTree(detail.body()).get("description").asText()).contains("贴息");
        assertThat(detail.body()).contains("deadlines");

        String stranger = login("stranger1");
        assertThat(call("GET", "/api/ma/appeals/" + no, stranger, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/ma/appeals", stranger, null).body()).doesNotContain(no);
        assertThat(call("POST", "/api/ma/appeals/" + no + "/rating", stranger, "{\"rating\":\"satisfied\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNotAnError() {
        String token = login("careless1");
        HttpResponse<String> bad = call("POST", "/api/ma/appeals", token, APPEAL.replace("91370100MA3C8R1K2G", "123"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(bad.body()).contains("统一社会信用代码");
        assertThat(call("POST", "/api/ma/appeals", token, "{broken").statusCode()).isEqualTo(400);

        String no = json.readTree(call("POST", "/api/ma/appeals", token, APPEAL).body()).get("no").asText();
        assertThat(call("POST", "/api/ma/appeals/" + no + "/rating", token, "{\"rating\":\"great\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> early = call("POST", "/api/ma/appeals/" + no + "/rating", token, "{\"rating\":\"satisfied\"}");
        assertThat(early.statusCode()).as("rating a ticket that is not resolved yet").isBetween(400, 499);
    }

    @Test
    void eachUserHasAQuotaPerMinute() {
        String token = login("hasty1");
        for (int i = 0; i < 5; i++) {
            assertThat(call("GET", "/api/ma/appeals", token, null).statusCode()).isEqualTo(200);
        }
        assertThat(call("GET", "/api/ma/appeals", token, null).statusCode()).isEqualTo(429);
        assertThat(call("GET", "/api/ma/appeals", login("patient1"), null).statusCode()).isEqualTo(200);
    }

    private String login(String code) {
        HttpResponse<String> session = call("POST", "/api/ma/session", null, "{\"code\":\"" + code + "\"}");
        assertThat(session.statusCode()).isEqualTo(200);
        return json.readTree(session.body()).get("token").asText();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
