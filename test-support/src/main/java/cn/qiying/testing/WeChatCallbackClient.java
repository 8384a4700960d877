package cn.qiying.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the WeChat server calling our callback: builds message and event XML, signs it, and in safe mode
 * encrypts it and decrypts the passive reply, as WeChat does.
 */
public final class WeChatCallbackClient {

    public enum Mode { PLAIN, SAFE }

    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>", Pattern.DOTALL);
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final URI callback;
    private final String token;
    private final String encodingAesKey;
    private final String appId;
    private final String accountId;
    private final Mode mode;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param callback  e.g. http://localhost:8080/wechat/mp/callback
     * @param accountId the account's original id (gh_…), the ToUserName of every message
     */
    public WeChatCallbackClient(URI callback, String token, String encodingAesKey, String appId, String accountId, Mode mode) {
        this.callback = callback;
        this.token = token;
        this.encodingAesKey = encodingAesKey;
        this.appId = appId;
        this.accountId = accountId;
        this.mode = mode;
    }

    public WeChatCallbackClient inMode(Mode other) {
        return new WeChatCallbackClient(callback, token, encodingAesKey, appId, accountId, other);
    }

    /** A response to one callback: the HTTP status, the raw body, and the reply XML (decrypted in safe mode). */
    public record Reply(int status, String body, String xml) {
        public boolean isSuccess() {
            return status == 200 && ("success".equals(body) || body.isEmpty());
        }

        /** The text of a passive text reply, or null. */
        public String content() {
            return xml == null ? null : field(xml, "Content");
        }
    }

    public Reply text(String openId, String content) {
        return send(textXml(openId, content, nextMsgId(), now()));
    }

    public Reply event(String openId, String event, String eventKey) {
        return send(eventXml(openId, event, eventKey, now()));
    }

    public String textXml(String openId, String content, long msgId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    public String imageXml(String openId, String picUrl, String mediaId, long msgId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[image]]></MsgType>"
                + "<PicUrl><![CDATA[" + picUrl + "]]></PicUrl><MediaId><![CDATA[" + mediaId + "]]></MediaId>"
                + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    public String eventXml(String openId, String event, String eventKey, long createTime) {
        return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + "</xml>";
    }

    /** Signs (and in safe mode encrypts) the message XML and posts it, with the current time. */
    public Reply send(String messageXml) {
        return send(messageXml, now(), nonce());
    }

    public Reply send(String messageXml, long timestamp, String nonce) {
        String ts = Long.toString(timestamp);
        String query = "signature=" + WeChatProtocol.signature(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
        String body = messageXml;
        if (mode == Mode.SAFE) {
            String encrypted = WeChatProtocol.encrypt(encodingAesKey, appId, randomString(16), messageXml);
            query += "&openid=" + field(messageXml, "FromUserName") + "&encrypt_type=aes&msg_signature="
                    + WeChatProtocol.signature(token, ts, nonce, encrypted);
            body = "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                    + "]]></Encrypt></xml>";
        }
        return postRaw(query, body);
    }

    /** Posts a body with the given query string exactly as given: for hostile and badly signed requests. */
    public Reply postRaw(String query, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = exchange(request);
        return new Reply(response.statusCode(), response.body(), replyXml(response.body()));
    }

    /** The GET a WeChat server sends when the callback URL is configured. */
    public Reply verify(String echostr) {
        String ts = Long.toString(now());
        String nonce = nonce();
        String query = "signature=" + WeChatProtocol.signature(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(callback + "?" + query)).GET().build());
        return new Reply(response.statusCode(), response.body(), null);
    }

    public static long nextMsgId() {
        return MSG_IDS.incrementAndGet();
    }

    private String replyXml(String body) {
        if (body == null || !body.startsWith("<xml")) {
            return null;
        }
        if (mode == Mode.PLAIN) {
            return body;
        }
        Matcher m = ENCRYPT.matcher(body);
        if (!m.find()) {
            return null;
        }
        String encrypted = m.group(1);
        String expected = WeChatProtocol.signature(token, field(body, "TimeStamp"), field(body, "Nonce"), encrypted);
        if (!expected.equals(field(body, "MsgSignature"))) {
            throw new AssertionError("the passive reply's MsgSignature is wrong: " + body);
        }
        WeChatProtocol.Decrypted decrypted = WeChatProtocol.decrypt(encodingAesKey, encrypted);
        if (!appId.equals(decrypted.appId())) {
            throw new AssertionError("the passive reply carries appId " + decrypted.appId());
        }
        return decrypted.message();
    }

    /** The text of an element, with or without CDATA. */
    public static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))</" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("callback " + callback + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long now() {
        return Instant.now().getEpochSecond();
    }

    private String nonce() {
        return Long.toString(Math.abs(random.nextLong()) % 10_000_000_000L);
    }

    private String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
