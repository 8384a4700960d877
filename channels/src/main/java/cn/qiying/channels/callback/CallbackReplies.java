package cn.qiying.channels.callback;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.qiying.platform.web.WebEdge;

/** {@code success} as plain text, a passive reply as XML. */
@WebEdge
final class CallbackReplies {

    private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    private static final MediaType PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private CallbackReplies() {
    }

    static ResponseEntity<String> of(String reply) {
        return ResponseEntity.ok().contentType(AnswerCallback.SUCCESS.equals(reply) ? PLAIN : XML).body(reply);
    }
}
