package cn.qiying.policy.binding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.qiying.platform.privacy.PersonalData;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyProperties;

/**
 * A provider (or the city's SMS gateway) reached over HTTP: {@code POST <webhook-url>} with {@code {"phone", "text"}}
 * as JSON, signed like the hotline webhook ({@code X-Qiying-Signature: sha256=<HMAC-SHA256 of the body, hex>} when a
 * secret is set); any 2xx means sent.
 */
final class WebhookTextMessages implements TextMessages {

    private static final Logger log = LoggerFactory.getLogger(WebhookTextMessages.class);

    private final PolicyProperties.Sms settings;
    private final HttpClient http;

    WebhookTextMessages(PolicyProperties.Sms settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public Sent send(String phone, String text) {
        byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("phone", phone, "text", text));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl())).timeout(settings.timeout())
                .header("Content-Type", "application/json;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.secret() != null && !settings.secret().isBlank()) {
            request.header("X-Qiying-Signature", "sha256=" + hmac(settings.secret(), body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return Sent.ok();
            }
            log.warn("SMS provider answered {} for {}", response.statusCode(), PersonalData.maskText(phone));
            return Sent.failed("HTTP " + response.statusCode());
        } catch (IOException e) {
            log.warn("SMS provider unreachable for {}: {}", PersonalData.maskText(phone), e.toString());
            return Sent.failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sent.failed("interrupted");
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
