package cn.qiying.app.journey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the journeys' people do over HTTP: staff calling the REST API, an agent in the console, a phone browser. */
final class JourneyHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PHONE_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String base;

    JourneyHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /** A staff member's REST calls with HTTP Basic (no session). */
    Answer staff(String user, String password, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(HttpClient.newHttpClient(), request.build());
    }

    /** The status of a GET as a browser's image request makes it (any content type accepted). */
    int staffGetStatus(String user, String password, String path) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "*/*").build()).status();
    }

    byte[] staffBytes(String user, String password, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser: keeps cookies, reads the CSRF token from the page it was given, posts forms and JSON as the console's pages do. */
    Browser browser(String userAgent) {
        return new Browser(userAgent);
    }

    final class Browser {
        private final HttpClient client;
        private final String userAgent;
        private String csrf;

        private Browser(String userAgent) {
            this.userAgent = userAgent;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        Answer get(String path) {
            Answer page = send(client, HttpRequest.newBuilder(URI.create(absolute(path))).header("User-Agent", userAgent).GET().build());
            remember(page.body());
            return page;
        }

        Answer postForm(String path, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            if (csrf != null) {
                all.putIfAbsent("_csrf", csrf);
            }
            String form = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            Answer page = send(client, HttpRequest.newBuilder(URI.create(absolute(path))).header("User-Agent", userAgent)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            remember(page.body());
            return page;
        }

        Answer postJson(String path, String json) {
            return send(client, HttpRequest.newBuilder(URI.create(absolute(path))).header("User-Agent", userAgent)
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        void logIn(String user, String password) {
            get("/login");
            Answer after = postForm("/login", Map.of("username", user, "password", password));
            if (after.body().contains("login-error")) {
                throw new IllegalStateException("console login refused for " + user);
            }
        }

        private String absolute(String path) {
            return path.startsWith("http") ? path : base + path;
        }

        private void remember(String page) {
            Matcher meta = CSRF_META.matcher(page);
            Matcher input = CSRF_INPUT.matcher(page);
            if (meta.find()) {
                csrf = meta.group(1);
            } else if (input.find()) {
                csrf = input.group(1);
            }
        }
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        m = Pattern.compile("value=\"([^\"]*)\"[^>]*name=\"" + Pattern.quote(name) + "\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static Answer send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        }
    }
}
