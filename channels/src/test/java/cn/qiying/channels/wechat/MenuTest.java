package cn.qiying.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.ChannelsTestApplication;

class MenuTest extends ChannelsIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void staffPublishTheConfiguredMenu() throws Exception {
        HttpResponse<String> anonymous = post(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(WECHAT.requests("/cgi-bin/menu/create")).isEmpty();

        HttpResponse<String> published = post(ChannelsTestApplication.STAFF + ":" + ChannelsTestApplication.STAFF_PASSWORD);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(WECHAT.requests("/cgi-bin/menu/create")).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"name\":\"办事指南\"").contains("\"key\":\"GUIDE\"").contains("\"sub_button\"")
                .contains("https://qiying.example.cn/q/JN0001"));
    }

    private HttpResponse<String> post(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/wechat/menu"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
