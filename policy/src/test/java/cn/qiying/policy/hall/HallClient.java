package cn.qiying.policy.hall;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A phone's browser on the hall, over plain HTTP: keeps cookies, sends forms with the page's CSRF token. */
final class HallClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String lastPage = "";

    HallClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
        lastPage = r.body();
        return r;
    }

    /** GET, following redirects within the site. */
    HttpResponse<String> open(String path) {
        HttpResponse<String> r = get(path);
        for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
            String location = r.headers().firstValue("Location").orElseThrow();
            r = get(location.startsWith("http") ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
        }
        return r;
    }

    /** POSTs a form with the CSRF token of the last page (or none when {@code withToken} is false). */
    HttpResponse<String> post(String path, Map<String, String> form, boolean withToken) {
        StringBuilder body = new StringBuilder(form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
        if (withToken) {
            Matcher m = CSRF.matcher(lastPage);
            if (!m.find()) {
                throw new AssertionError("the last page has no CSRF token");
            }
            body.append(body.length() == 0 ? "" : "&").append("_csrf=").append(enc(m.group(1).replace("&#45;", "-")));
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        lastPage = r.body();
        return r;
    }

    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("User-Agent", "Mozilla/5.0 (iPhone) Mobile").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
