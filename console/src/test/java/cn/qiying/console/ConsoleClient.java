package cn.qiying.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qiying.handoff.TestDesk;

/** A browser's view of the console without a browser: a cookie jar, the login form, and forms posted with their CSRF token. */
public final class ConsoleClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    public record Page(int status, String body, String location) {
    }

    private final int port;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String token;

    public ConsoleClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public static ConsoleClient loggedIn(int port, String user) {
        ConsoleClient client = new ConsoleClient(port);
        Page login = client.login(user, TestDesk.password(user));
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login);
        }
        return client;
    }

    public Page login(String user, String password) {
        Page form = get("/login");
        return post("/login", Map.of("username", user, "password", password), tokenOf(form.body()));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    /** A form posted with the token the last page carried. */
    public Page post(String path, Map<String, String> fields) {
        return post(path, fields, token);
    }

    public Page post(String path, Map<String, String> fields, String csrf) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        if (csrf != null) {
            body.add("_csrf=" + enc(csrf));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** JSON to the API as the console's script sends it: session cookie plus the token in a header (or none). */
    public Page postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    public String token() {
        return token;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            String found = tokenOf(body);
            if (found != null) {
                token = found;
            }
            return new Page(response.statusCode(), body, response.headers().firstValue("Location").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenOf(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = META.matcher(body);
        if (m.find()) {
            return m.group(1);
        }
        m = TOKEN.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
