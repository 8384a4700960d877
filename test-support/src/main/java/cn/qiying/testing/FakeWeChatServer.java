package cn.qiying.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the WeChat server API (api.weixin.qq.com), answering as the public API docs describe:
 * access tokens (plain and stable), customer-service, template and subscribe messages, parametric QR codes and
 * mini-program codes, jscode2session, OAuth, menus and media. It records every request and can fail the next N calls.
 * Access tokens it did not issue, or issued before {@link #expireTokens()}, get errcode 40001 / 42001.
 */
public final class FakeWeChatServer implements AutoCloseable {

    /** How a call fails when failures are queued. */
    public enum Failure { HTTP_500, ERRCODE_MINUS_1, INVALID_TOKEN_40001, TIMEOUT }

    /** One request as it arrived. */
    public record Request(String method, String path, Map<String, String> query, String body) {
        public String param(String name) {
            return query.get(name);
        }
    }

    /** A canned answer: status, content type, body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer json(String json) {
            return new Answer(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A tiny valid 1x1 PNG, for QR codes and media downloads. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final Set<String> TOKENLESS = Set.of("/cgi-bin/token", "/cgi-bin/stable_token", "/sns/jscode2session",
            "/sns/oauth2/access_token", "/cgi-bin/showqrcode");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<String, Function<Request, Answer>> overrides = new ConcurrentHashMap<>();
    private final Set<String> liveTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final AtomicInteger idCounter = new AtomicInteger(1000);
    private volatile Duration timeout = Duration.ofSeconds(10);
    private final Set<String> templateIds = ConcurrentHashMap.newKeySet();
    private volatile List<String> publishedMenu = List.of();
    private volatile String deniedIp;

    // nobody knows the port before start() returns, so no request reaches handle() before the fields are set
    private FakeWeChatServer() {
        this.server = LocalHttpServer.start("/", this::handle, "fake-wechat");
    }

    public static FakeWeChatServer start() {
        return new FakeWeChatServer();
    }

    /** The base URL to give the app as {@code qiying.wechat.api-base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests(Predicate<Request> filter) {
        return requests.stream().filter(filter).toList();
    }

    public void clear() {
        requests.clear();
        synchronized (failures) {
            failures.clear();
        }
        overrides.clear();
        templateIds.clear();
        publishedMenu = List.of();
        deniedIp = null;
    }

    /** The next {@code count} calls (of any kind) fail the given way. */
    public void failNext(int count, Failure failure) {
        synchronized (failures) {
            for (int i = 0; i < count; i++) {
                failures.add(failure);
            }
        }
    }

    /** How long a {@link Failure#TIMEOUT} call hangs before it answers. */
    public void timeoutAfter(Duration hang) {
        this.timeout = hang;
    }

    /** Every token issued so far now answers 42001 (expired). */
    public void expireTokens() {
        expiredTokens.addAll(liveTokens);
        liveTokens.clear();
    }

    /** Template ids the account holds (template messages of the official account, subscribe templates of the mini program). */
    public void holdTemplates(String... ids) {
        templateIds.addAll(List.of(ids));
    }

    /** Every call is refused with 40164, as WeChat answers a server whose IP is not on the allow-list. */
    public void denyCallerIp(String ip) {
        this.deniedIp = ip;
    }

    /** The top-level button names of the last menu published through {@code /cgi-bin/menu/create}. */
    public List<String> publishedMenu() {
        return publishedMenu;
    }

    /** Answers calls to {@code path} with this function instead of the default. */
    public void answer(String path, Function<Request, Answer> answer) {
        overrides.put(path, answer);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI()), readBody(exchange.getRequestBody()));
            requests.add(request);
            Failure failure;
            synchronized (failures) {
                failure = failures.poll();
            }
            Answer answer = failure != null ? failure(failure) : route(request);
            if (answer == null) {
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private Answer failure(Failure failure) {
        return switch (failure) {
            case HTTP_500 -> new Answer(500, "text/plain", "internal error".getBytes(StandardCharsets.UTF_8));
            case ERRCODE_MINUS_1 -> Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}");
            case INVALID_TOKEN_40001 -> Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
            case TIMEOUT -> {
                sleep(timeout);
                yield Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}");
            }
        };
    }

    private Answer route(Request request) {
        Function<Request, Answer> override = overrides.get(request.path());
        if (override != null) {
            return override.apply(request);
        }
        if (deniedIp != null) {
            return Answer.json("{\"errcode\":40164,\"errmsg\":\"invalid ip " + deniedIp + " ipv6 ::ffff:" + deniedIp
                    + ", not in whitelist rid: 6571\"}");
        }
        if (!TOKENLESS.contains(request.path())) {
            String token = request.param("access_token");
            if (token != null && expiredTokens.contains(token)) {
                return Answer.json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
            }
            if (token == null || !liveTokens.contains(token)) {
                return Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            }
        }
        return switch (request.path()) {
            case "/cgi-bin/token", "/cgi-bin/stable_token" -> {
                String token = "FAKE_TOKEN_" + tokenCounter.incrementAndGet();
                liveTokens.add(token);
                yield Answer.json("{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
            }
            case "/sns/jscode2session" -> {
                String code = request.param("js_code");
                if (code == null || code.isBlank() || code.startsWith("bad")) {
                    yield Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
                }
                yield Answer.json("{\"openid\":\"ma-" + code + "\",\"session_key\":\"c2Vzc2lvbmtleQ==\",\"unionid\":\"u-" + code + "\"}");
            }
            case "/sns/oauth2/access_token" -> Answer.json("{\"access_token\":\"OAUTH_" + request.param("code")
                    + "\",\"expires_in\":7200,\"refresh_token\":\"R\",\"openid\":\"oauth-" + request.param("code")
                    + "\",\"scope\":\"snsapi_base\"}");
            case "/cgi-bin/qrcode/create" -> Answer.json("{\"ticket\":\"TICKET_" + idCounter.incrementAndGet()
                    + "\",\"url\":\"http://weixin.qq.com/q/fake" + idCounter.get() + "\"}");
            case "/cgi-bin/showqrcode", "/wxa/getwxacodeunlimit", "/cgi-bin/media/get" ->
                    new Answer(200, "image/png", PNG);
            case "/cgi-bin/message/template/send", "/cgi-bin/message/subscribe/send" ->
                    Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + idCounter.incrementAndGet() + "}");
            case "/cgi-bin/template/get_all_private_template" -> Answer.json("{\"template_list\":[" + String.join(",",
                    templateIds.stream().sorted().map(id -> "{\"template_id\":\"" + id + "\",\"title\":\"t\",\"content\":\"\"}").toList()) + "]}");
            case "/wxaapi/newtmpl/gettemplate" -> Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"data\":[" + String.join(",",
                    templateIds.stream().sorted().map(id -> "{\"priTmplId\":\"" + id + "\",\"title\":\"t\",\"content\":\"\",\"type\":2}").toList()) + "]}");
            case "/cgi-bin/menu/create" -> {
                publishedMenu = topLevelNames(request.body());
                yield Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            case "/cgi-bin/get_current_selfmenu_info" -> publishedMenu.isEmpty() ? Answer.json("{\"is_menu_open\":0}")
                    : Answer.json("{\"is_menu_open\":1,\"selfmenu_info\":{\"button\":[" + String.join(",", publishedMenu.stream()
                    .map(name -> "{\"type\":\"click\",\"name\":\"" + name + "\",\"key\":\"K\"}").toList()) + "]}}");
            default -> Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
        };
    }

    /** The "name" of each object directly inside the body's "button" array (sub-buttons are one level deeper). */
    private static List<String> topLevelNames(String body) {
        List<String> names = new ArrayList<>();
        int start = body.indexOf("\"button\"");
        start = start < 0 ? -1 : body.indexOf('[', start);
        if (start < 0) {
            return names;
        }
        int depth = 0;
        for (int i = start + 1; i < body.length() && depth >= 0; i++) {
            char c = body.charAt(i);
            if (c == '"') {
                int end = body.indexOf('"', i + 1);
                while (end > 0 && body.charAt(end - 1) == '\\') {
                    end = body.indexOf('"', end + 1);
                }
                String word = body.substring(i + 1, end);
                if (depth == 1 && word.equals("name")) {
                    int open = body.indexOf('"', body.indexOf(':', end) + 1);
                    int close = body.indexOf('"', open + 1);
                    names.add(body.substring(open + 1, close));
                    end = close;
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return names;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For assertions: the requests' paths in order. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        requests.forEach(r -> paths.add(r.path()));
        return paths;
    }
}
