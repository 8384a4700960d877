package cn.qiying.policy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

/** The staff REST API over HTTP with Basic credentials, answers as JSON. */
public record Api(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Answer postBytes(String user, String path, String contentType, byte[] body) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + Staff.password(user)).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        request.header("Accept", "application/json");
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = null;
            if (body != null && !body.isBlank() && body.strip().matches("(?s)[\\[{].*")) {
                json = Json.MAPPER.readTree(body);
            }
            return new Answer(response.statusCode(), json, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
