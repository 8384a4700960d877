package cn.qiying.channels.ma;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import me.chanjar.weixin.common.error.WxErrorException;

/** Mini-program login: the code from {@code wx.login()} exchanged (jscode2session) for the user's openid and a session token. */
@Component
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final WxMaService ma;
    private final SessionTokens tokens;

    public SignIn(WxMaService ma, SessionTokens tokens) {
        this.ma = ma;
        this.tokens = tokens;
    }

    /** A session, or empty when WeChat does not accept the code. */
    public Optional<SessionTokens.Session> withCode(String code) {
        if (code == null || code.isBlank() || code.length() > 128) {
            return Optional.empty();
        }
        try {
            WxMaJscode2SessionResult session = ma.getUserService().getSessionInfo(code);
            if (session.getOpenid() == null || session.getOpenid().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(tokens.issue(session.getOpenid()));
        } catch (WxErrorException e) {
            log.info("jscode2session refused a code: {}", e.getError().getErrorCode());
            return Optional.empty();
        }
    }
}
