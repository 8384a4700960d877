package cn.qiying.channels.golive;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.web.WebEdge;

/**
 * The official account's domain verification file ({@code qiying.wechat.mp.verification-file}, e.g.
 * {@code MP_verify_AbC123.txt}, whose content is the part between {@code MP_verify_} and {@code .txt}), served at the
 * root as WeChat asks before it allows OAuth pages on the domain; no file to upload on the server.
 */
@RestController
@WebEdge
class VerificationFile {

    static final String PATTERN = "MP_verify_[A-Za-z0-9]{1,64}\\.txt";

    private final WeChatProperties wechat;

    VerificationFile(WeChatProperties wechat) {
        this.wechat = wechat;
    }

    static String content(String file) {
        return file.substring("MP_verify_".length(), file.length() - ".txt".length());
    }

    @GetMapping("/{file:" + PATTERN + "}")
    ResponseEntity<String> serve(@PathVariable String file) {
        String configured = wechat.mp().verificationFile();
        if (configured == null || !configured.equals(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(content(file));
    }
}
