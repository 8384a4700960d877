package cn.qiying.channels.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.channels.callback.AnswerCallback;
import cn.qiying.channels.callback.CallbackAccount;
import cn.qiying.channels.callback.CallbackRequest;
import cn.qiying.channels.callback.OpenCallback;
import cn.qiying.channels.wechat.WeChatProperties;
import jakarta.servlet.http.HttpServletRequest;

/** The official account's callback URL: server verification (GET) and messages and events (POST). */
@RestController
@RequestMapping("/wechat/mp/callback")
class MpCallbackController {

    private final OpenCallback open;
    private final AnswerCallback answer;
    private final CallbackAccount account;
    private final int maxBody;

    MpCallbackController(OpenCallback open, AnswerCallback answer, WeChatProperties properties) {
        this.open = open;
        this.answer = answer;
        this.account = CallbackAccount.officialAccount(properties);
        this.maxBody = properties.callback().maxBodyBytes();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        open.verify(account, signature, timestamp, nonce);
        return echostr == null ? "" : echostr;
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) {
        String body = CallbackBody.read(request, maxBody);
        String reply = answer.answer(account, new CallbackRequest(signature, timestamp, nonce, encryptType, msgSignature, body));
        return CallbackReplies.of(reply);
    }
}
