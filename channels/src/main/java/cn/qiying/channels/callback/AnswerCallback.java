package cn.qiying.channels.callback;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qiying.bot.UserMessage;
import cn.qiying.channels.media.MediaStore;
import cn.qiying.channels.wechat.ReplyWindow;

/**
 * One POSTed WeChat callback from start to answer: open it (signatures, replay window, decryption, appid), drop
 * WeChat's retries, run the dialog, and answer with a passive reply (encrypted in safe mode) or {@code success}.
 */
@Component
public class AnswerCallback {

    public static final String SUCCESS = "success";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OpenCallback open;
    private final FirstDelivery firstDelivery;
    private final ConverseOnCallback converse;
    private final Clock clock;
    private final ReplyWindow replyWindow;
    private final MediaStore media;

    AnswerCallback(OpenCallback open, FirstDelivery firstDelivery, ConverseOnCallback converse, Clock clock,
                   ReplyWindow replyWindow, MediaStore media) {
        this.media = media;
        this.replyWindow = replyWindow;
        this.open = open;
        this.firstDelivery = firstDelivery;
        this.converse = converse;
        this.clock = clock;
    }

    /** The response body: a reply XML or {@code success}. */
    public String answer(CallbackAccount account, CallbackRequest request) {
        Map<String, String> fields = open.open(account, request);
        UserMessage message = InboundMessage.from(account, fields, clock.instant());
        if (!firstDelivery.first(account, fields)) {
            return SUCCESS;
        }
        if (message.kind() != UserMessage.Kind.UNSUBSCRIBE) {
            replyWindow.opened(account.channel(), message.openId());
        }
        if (message.media() != null) {
            media.keepLater(account.channel(), message.media().mediaId());
        }
        Optional<String> text = converse.converse(message, account.passive());
        if (text.isEmpty()) {
            return SUCCESS;
        }
        String reply = textReply(fields.get("FromUserName"), fields.get("ToUserName"), text.get());
        return request.safeMode() ? encrypted(account, reply) : reply;
    }

    private String textReply(String toUser, String fromUser, String content) {
        return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromUser)
                + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + cdata(content) + "</Content></xml>";
    }

    private String encrypted(CallbackAccount account, String reply) {
        String encrypt = new MessageCipher(account.aesKey()).encrypt(reply, account.appId());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(Math.abs(RANDOM.nextLong() % 10_000_000_000L));
        String signature = CallbackSignature.of(account.token(), timestamp, nonce, encrypt);
        return "<xml><Encrypt>" + cdata(encrypt) + "</Encrypt><MsgSignature>" + cdata(signature)
                + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    /** A CDATA section that survives a "]]>" inside the text. */
    private static String cdata(String text) {
        return "<![CDATA[" + (text == null ? "" : text.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
