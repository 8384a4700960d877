package cn.qiying.channels.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.redis.Keys;

/**
 * Pictures and recordings users send: WeChat keeps temporary media only 3 days, so each is fetched when it arrives
 * and kept for staff ({@code qiying:media:<channel>:<mediaId>}, 90 days, at most 5 MB each).
 */
@Component
public class MediaStore {

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);
    private static final Duration KEEP = Duration.ofDays(90);
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WxMpService mp;
    private final WxMaService ma;
    private final UnifiedJedis redis;
    private final String apiBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MediaStore(WxMpService mp, WxMaService ma, UnifiedJedis redis, WeChatProperties properties) {
        this.mp = mp;
        this.ma = ma;
        this.redis = redis;
        String base = properties.apiBaseUrl();
        this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A stored file and its type. */
    public record Media(byte[] bytes, String contentType) {
    }

    /** Fetches the media in the background, so the callback's answer is not delayed. */
    public void keepLater(String channel, String mediaId) {
        if (valid(channel, mediaId)) {
            CompletableFuture.runAsync(() -> find(channel, mediaId));
        }
    }

    /** The stored media, fetched from WeChat first when it is not stored yet. */
    public Optional<Media> find(String channel, String mediaId) {
        if (!valid(channel, mediaId)) {
            return Optional.empty();
        }
        byte[] key = key(channel, mediaId);
        byte[] stored = redis.get(key);
        if (stored == null) {
            stored = download(channel, mediaId);
            if (stored == null) {
                return Optional.empty();
            }
            redis.set(key, stored, SetParams.setParams().ex(KEEP.toSeconds()));
        }
        return Optional.of(new Media(stored, contentType(stored)));
    }

    /**
     * GET /cgi-bin/media/get directly (WxJava's download insists on a Content-Disposition file name); a JSON answer
     * is an error, and an invalid or expired token is refreshed once.
     */
    private byte[] download(String channel, String mediaId) {
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                String token = "ma".equals(channel) ? ma.getAccessToken(attempt > 0) : mp.getAccessToken(attempt > 0);
                URI uri = URI.create(apiBase + "/cgi-bin/media/get?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&media_id=" + mediaId);
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes((int) MAX_BYTES + 1);
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 200 || body.length > MAX_BYTES) {
                    log.warn("media {} of {}: HTTP {} ({} bytes)", mediaId, channel, response.statusCode(), body.length);
                    return null;
                }
                if (!type.contains("json") && !type.startsWith("text/")) {
                    return body;
                }
                String error = new String(body, StandardCharsets.UTF_8);
                if (!(error.contains("40001") || error.contains("42001") || error.contains("40014"))) {
                    log.warn("media {} of {} could not be fetched: {}", mediaId, channel, error);
                    return null;
                }
            }
            return null;
        } catch (IOException | RuntimeException | WxErrorException e) {
            log.warn("media {} of {} could not be fetched: {}", mediaId, channel, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean valid(String channel, String mediaId) {
        return ("mp".equals(channel) || "ma".equals(channel)) && mediaId != null && MEDIA_ID.matcher(mediaId).matches();
    }

    private static String contentType(byte[] bytes) {
        try {
            String guessed = URLConnection.guessContentTypeFromStream(new ByteArrayInputStream(bytes));
            if (guessed != null) {
                return guessed;
            }
        } catch (IOException e) {
            // fall through to the generic type
        }
        return bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("#!AMR") ? "audio/amr"
                : "application/octet-stream";
    }

    private static byte[] key(String channel, String mediaId) {
        return Keys.of("media", channel, mediaId).getBytes(StandardCharsets.UTF_8);
    }
}
