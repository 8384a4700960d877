package cn.qiying.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class FakeWeChatServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuesTokensRecordsCallsAndFailsOnDemand() throws Exception {
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            String token = get(wechat, "/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s").body()
                    .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            assertThat(post(wechat, "/cgi-bin/message/custom/send?access_token=" + token, "{}").body()).contains("\"errcode\":0");
            assertThat(post(wechat, "/cgi-bin/message/custom/send?access_token=forged", "{}").body()).contains("40001");

            wechat.failNext(1, FakeWeChatServer.Failure.HTTP_500);
            assertThat(post(wechat, "/cgi-bin/message/custom/send?access_token=" + token, "{}").statusCode()).isEqualTo(500);
            wechat.failNext(1, FakeWeChatServer.Failure.ERRCODE_MINUS_1);
            assertThat(post(wechat, "/cgi-bin/message/custom/send?access_token=" + token, "{}").body()).contains("-1");

            wechat.expireTokens();
            assertThat(post(wechat, "/cgi-bin/message/custom/send?access_token=" + token, "{}").body()).contains("42001");
            assertThat(wechat.requests("/cgi-bin/message/custom/send")).hasSize(5);
            assertThat(wechat.requests().get(0).param("appid")).isEqualTo("wx1");
        }
    }

    @Test
    void exchangesMiniProgramCodesForOpenIds() throws Exception {
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            assertThat(get(wechat, "/sns/jscode2session?appid=wx&secret=s&js_code=abc&grant_type=authorization_code").body())
                    .contains("\"openid\":\"ma-abc\"");
            assertThat(get(wechat, "/sns/jscode2session?js_code=bad").body()).contains("40029");
        }
    }

    private HttpResponse<String> get(FakeWeChatServer wechat, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(wechat.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(FakeWeChatServer wechat, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(wechat.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
