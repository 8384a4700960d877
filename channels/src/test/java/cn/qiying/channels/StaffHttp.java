package cn.qiying.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls as a staff member (Basic) or anonymously, for the REST tests. */
public final class StaffHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public StaffHttp(String base) {
        this.base = base;
    }

    public HttpResponse<String> postJson(String path, String json, boolean staff) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(staff ? authorised(request) : request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, boolean staff) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(staff ? authorised(request) : request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> getBytes(String path, boolean staff) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(staff ? authorised(request) : request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request) {
        String credentials = ChannelsTestApplication.STAFF + ":" + ChannelsTestApplication.STAFF_PASSWORD;
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
