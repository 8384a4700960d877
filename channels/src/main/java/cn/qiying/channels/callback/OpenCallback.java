package cn.qiying.channels.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.channels.wechat.WeChatProperties;

/**
 * Checks that a callback comes from WeChat for our account and reads it: the signature, the timestamp window
 * (older or future callbacks are replays), in safe mode the msg_signature, decryption and the appid inside.
 */
@Component
public class OpenCallback {

    private final Clock clock;
    private final Duration window;

    public OpenCallback(Clock clock, WeChatProperties properties) {
        this.clock = clock;
        this.window = properties.callback().replayWindow();
    }

    /** The server verification GET: returns normally when the signature is valid. */
    public void verify(CallbackAccount account, String signature, String timestamp, String nonce) {
        requireToken(account);
        if (!CallbackSignature.matches(signature, account.token(), timestamp, nonce)) {
            throw new CallbackRefusedException("bad signature");
        }
    }

    /** The message's fields, decrypted in safe mode. */
    public Map<String, String> open(CallbackAccount account, CallbackRequest request) {
        verify(account, request.signature(), request.timestamp(), request.nonce());
        checkWindow(request.timestamp());
        if (!request.safeMode()) {
            return SafeXml.fields(request.body());
        }
        String encrypted = SafeXml.fields(request.body()).get("Encrypt");
        if (encrypted == null || encrypted.isBlank()) {
            throw new MalformedCallbackException("a safe-mode callback without Encrypt");
        }
        if (!CallbackSignature.matches(request.msgSignature(), account.token(), request.timestamp(), request.nonce(), encrypted)) {
            throw new CallbackRefusedException("bad msg_signature");
        }
        MessageCipher.Decrypted decrypted = new MessageCipher(account.aesKey()).decrypt(encrypted);
        if (!decrypted.appId().equals(account.appId())) {
            throw new CallbackRefusedException("the message is for another appid");
        }
        return SafeXml.fields(decrypted.message());
    }

    private void checkWindow(String timestamp) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new CallbackRefusedException("bad timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - sent) > window.toSeconds()) {
            throw new CallbackRefusedException("timestamp outside the replay window");
        }
    }

    private static void requireToken(CallbackAccount account) {
        if (account.token() == null || account.token().isBlank()) {
            throw new CallbackRefusedException("the " + account.channel() + " account has no token configured");
        }
    }
}
