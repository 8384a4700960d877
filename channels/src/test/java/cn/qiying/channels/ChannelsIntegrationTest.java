package cn.qiying.channels;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.RealRedis;
import cn.qiying.testing.WeChatCallbackClient;

/** One application context for all channels tests: real Redis, the fake WeChat API, the scripted dialog. */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = ChannelsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ChannelsIntegrationTest {

    public static final String MP_APP_ID = "wxmp0000000000test";
    public static final String MA_APP_ID = "wxma0000000000test";
    public static final String TOKEN = "qiyingtoken";
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String ACCOUNT = "gh_qiying";

    protected static final FakeWeChatServer WECHAT = FakeWeChatServer.start();

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("qiying.wechat.api-base-url", WECHAT::baseUrl);
        registry.add("qiying.wechat.mp-base-url", WECHAT::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ScriptedDialog dialog;

    @BeforeEach
    void resetFakes() {
        WECHAT.clear();
        dialog.reset();
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected WeChatCallbackClient mpClient(WeChatCallbackClient.Mode mode) {
        return new WeChatCallbackClient(URI.create(base() + "/wechat/mp/callback"), TOKEN, AES_KEY, MP_APP_ID, ACCOUNT, mode);
    }

    protected WeChatCallbackClient maClient(WeChatCallbackClient.Mode mode) {
        return new WeChatCallbackClient(URI.create(base() + "/wechat/ma/callback"), TOKEN, AES_KEY, MA_APP_ID, ACCOUNT, mode);
    }
}
