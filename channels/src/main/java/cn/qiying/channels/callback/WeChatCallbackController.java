package cn.qiying.channels.callback;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.channels.wechat.WeChatProperties;

/**
 * The callback URLs of the official account ({@code /wechat/mp/callback}) and of the mini program's message push
 * ({@code /wechat/ma/callback}, XML format, plain or safe mode): server verification (GET) and messages and events
 * (POST). Both go through the same dialog; the mini program has no passive replies, so its replies always leave as
 * customer-service messages (decided by its {@link CallbackAccount}).
 */
@RestController
@RequestMapping("/wechat/{channel:mp|ma}/callback")
class WeChatCallbackController {

    private final OpenCallback open;
    private final AnswerCallback answer;
    private final Map<String, CallbackAccount> accounts;
    private final int maxBody;

    WeChatCallbackController(OpenCallback open, AnswerCallback answer, WeChatProperties properties) {
        this.open = open;
        this.answer = answer;
        this.accounts = Map.of("mp", CallbackAccount.officialAccount(properties), "ma", CallbackAccount.miniProgram(properties));
        this.maxBody = properties.callback().maxBodyBytes();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable String channel, @RequestParam(required = false) String signature,
                  @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
                  @RequestParam(required = false) String echostr) {
        open.verify(accounts.get(channel), signature, timestamp, nonce);
        return echostr == null ? "" : echostr;
    }

    @PostMapping
    ResponseEntity<String> receive(@PathVariable String channel,
                                   @RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) {
        String body = CallbackBody.read(request, maxBody);
        String reply = answer.answer(accounts.get(channel),
                new CallbackRequest(signature, timestamp, nonce, encryptType, msgSignature, body));
        return CallbackReplies.of(reply);
    }
}
