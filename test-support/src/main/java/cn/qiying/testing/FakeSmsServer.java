package cn.qiying.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for an SMS provider's HTTP gateway as Qiying's webhook adapter calls it
 * ({@code POST /sms} with {@code {"phone", "text"}} and an optional {@code X-Qiying-Signature}): records every message
 * and answers 200, or 503 while failing.
 */
public final class FakeSmsServer implements AutoCloseable {

    /** One message as the gateway received it. */
    public record Message(String body, String signature) {

        public String phone() {
            return field("phone");
        }

        public String text() {
            return field("text");
        }

        private String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    // nobody knows the port before start() returns, so no request reaches handle() before the fields are set
    private FakeSmsServer() {
        this.server = LocalHttpServer.start("/sms", this::handle, "fake-sms");
    }

    public static FakeSmsServer start() {
        return new FakeSmsServer();
    }

    /** The URL to give the app as {@code qiying.policy.sms.webhook-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The six-digit code of the last message to this phone. */
    public String lastCode(String phone) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (phone.equals(messages.get(i).phone())) {
                Matcher m = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])").matcher(messages.get(i).text());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no code was sent to " + phone);
    }

    public void failing(boolean on) {
        failing = on;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (failing || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            messages.add(new Message(body, exchange.getRequestHeaders().getFirst("X-Qiying-Signature")));
            byte[] ok = "{\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
