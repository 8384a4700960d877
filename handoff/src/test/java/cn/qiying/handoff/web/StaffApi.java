package cn.qiying.handoff.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.qiying.handoff.TestDesk;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the staff REST API as a given user with HTTP Basic. */
record StaffApi(int port) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)));
    }

    Answer put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + TestDesk.password(user)).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        request.header("Accept", "application/json");
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
