package cn.qiying.channels.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import cn.qiying.channels.callback.CallbackSignature;
import cn.qiying.channels.wechat.WeChatProperties;

/**
 * Plays WeChat for a simulator user: builds the message or event XML, signs it with the official account's token
 * and posts it to this application's own callback, exactly as WeChat would (plain mode).
 */
@Component
public class SimulatedUser {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WeChatProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong msgIds;

    public SimulatedUser(WeChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.msgIds = new AtomicLong(clock.millis() * 1000);
    }

    /** The callback's answer: its HTTP status and body (a passive reply XML or "success"). */
    public record Answer(int status, String body) {
    }

    public Answer text(URI callback, String openId, String text) {
        return post(callback, "<xml>" + head(openId) + "<MsgType><![CDATA[text]]></MsgType><Content>" + cdata(text)
                + "</Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId></xml>");
    }

    public Answer event(URI callback, String openId, String event, String eventKey) {
        return post(callback, "<xml>" + head(openId) + "<MsgType><![CDATA[event]]></MsgType><Event>" + cdata(event)
                + "</Event>" + (eventKey == null ? "" : "<EventKey>" + cdata(eventKey) + "</EventKey>") + "</xml>");
    }

    public boolean ready() {
        return properties.mp().token() != null && !properties.mp().token().isBlank();
    }

    private String head(String openId) {
        return "<ToUserName><![CDATA[gh_simulator]]></ToUserName><FromUserName>" + cdata(openId)
                + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>";
    }

    private Answer post(URI callback, String xml) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(Math.abs(RANDOM.nextLong() % 1_000_000_000L));
        String signature = CallbackSignature.of(properties.mp().token(), timestamp, nonce);
        URI signed = URI.create(callback + "?signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce);
        HttpRequest request = HttpRequest.newBuilder(signed).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the callback did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cdata(String text) {
        return "<![CDATA[" + (text == null ? "" : text.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
