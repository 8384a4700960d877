package cn.qiying.channels.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.golive.GoLiveCheck.Finding;
import cn.qiying.channels.golive.GoLiveCheck.Verdict;
import cn.qiying.channels.wechat.PublishMenu;
import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.channels.wechat.WeChatProperties.Account;
import cn.qiying.platform.web.PublicAddress;
import me.chanjar.weixin.mp.api.WxMpService;

/** The go-live check against the fake WeChat server: each misconfiguration found, and nothing left once it is fixed. */
class GoLiveCheckTest extends ChannelsIntegrationTest {

    @Autowired
    WeChatProperties wechat;

    @Autowired
    WxMpService mp;

    @Autowired
    WxMaService ma;

    @Autowired
    PublishMenu publishMenu;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void findsEachMisconfiguration() {
        WeChatProperties unprepared = with(wechat, a -> account(a, Map.of(), null), UnaryOperator.identity());
        GoLiveCheck check = new GoLiveCheck(unprepared, new PublicAddress("http://localhost:8080"), mp, ma);

        WECHAT.denyCallerIp("203.0.113.7");
        Map<String, Finding> denied = byItem(check.run());
        assertThat(denied.get("address").messageKey()).isEqualTo("channels.golive.address.local");
        assertThat(denied.get("mp.api")).satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.FIX);
            assertThat(f.messageKey()).isEqualTo("channels.golive.api.ip");
            assertThat(f.arguments()).containsExactly("203.0.113.7");
        });
        assertThat(denied.get("ma.api").messageKey()).isEqualTo("channels.golive.api.ip");

        WECHAT.clear();
        Map<String, Finding> findings = byItem(check.run());
        assertThat(findings.get("mp.api").verdict()).isEqualTo(Verdict.OK);
        assertThat(findings.get("mp.templates").messageKey()).isEqualTo("channels.golive.templates.none");
        assertThat(findings.get("ma.templates")).satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("channels.golive.templates.missing");
            assertThat(f.arguments()).containsExactly("status=TPL_STATUS");
        });
        assertThat(findings.get("mp.menu").messageKey()).isEqualTo("channels.golive.menu.differs");
        assertThat(findings.get("mp.oauth").messageKey()).isEqualTo("channels.golive.oauth.none");
        assertThat(findings.get("mp.callback").verdict()).isEqualTo(Verdict.BY_HAND);
        assertThat(GoLiveCheck.ready(check.run())).isFalse();

        WeChatProperties plain = with(wechat, a -> new Account(a.appId(), a.secret(), a.token(), null, a.stableToken(),
                a.templates(), a.menu(), a.sessionSecret(), a.sessionTtl(), a.requestsPerMinute(), a.cardPage(),
                a.verificationFile()), UnaryOperator.identity());
        Finding aes = byItem(new GoLiveCheck(plain, new PublicAddress("https://qy.example.gov.cn"), mp, ma).run()).get("mp.aes");
        assertThat(aes.verdict()).isEqualTo(Verdict.FIX);
    }

    @Test
    void passesOnceFixed() throws Exception {
        WECHAT.holdTemplates("TPL_STATUS", "TPL_MP_STATUS");
        publishMenu.publish();
        assertThat(WECHAT.publishedMenu()).containsExactly("办事指南", "我要诉求");
        WeChatProperties prepared = with(wechat,
                a -> account(a, Map.of("status", new WeChatProperties.Template("TPL_MP_STATUS", Map.of(), null)),
                        a.verificationFile()), UnaryOperator.identity());
        // the test server is local, so the address finding stays; every check that asks WeChat or the address passes
        List<Finding> findings = new GoLiveCheck(prepared, new PublicAddress(base()), mp, ma).run();

        assertThat(findings).filteredOn(f -> !f.item().equals("address"))
                .allSatisfy(f -> assertThat(f.verdict()).as(f.item() + " " + f.messageKey()).isNotEqualTo(Verdict.FIX));
        assertThat(byItem(findings).get("mp.oauth").messageKey()).isEqualTo("channels.golive.oauth.ok");
        assertThat(byItem(findings).get("mp.menu").messageKey()).isEqualTo("channels.golive.menu.ok");
    }

    @Test
    void theVerificationFileIsServedToAnyoneAndNoOtherName() throws Exception {
        HttpResponse<String> file = get("/MP_verify_Qy12ab.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Qy12ab");
        assertThat(get("/MP_verify_Other1.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void theAddressIsCheckedWhenBound() {
        assertThat(new PublicAddress("https://qy.example.gov.cn/").base()).isEqualTo("https://qy.example.gov.cn");
        assertThat(new PublicAddress("https://qy.example.gov.cn").local()).isFalse();
        assertThat(new PublicAddress("http://192.168.1.20:8080").local()).isTrue();
        assertThat(new PublicAddress("http://[::1]:8080").local()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PublicAddress("qy.example.gov.cn"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PublicAddress("ftp://qy.example.gov.cn"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Finding> byItem(List<Finding> findings) {
        return findings.stream().collect(java.util.stream.Collectors.toMap(Finding::item, f -> f, (a, b) -> a));
    }

    private static Account account(Account a, Map<String, WeChatProperties.Template> templates, String verificationFile) {
        return new Account(a.appId(), a.secret(), a.token(), a.aesKey(), a.stableToken(), templates, a.menu(),
                a.sessionSecret(), a.sessionTtl(), a.requestsPerMinute(), a.cardPage(), verificationFile);
    }

    private static WeChatProperties with(WeChatProperties p, UnaryOperator<Account> mp, UnaryOperator<Account> ma) {
        return new WeChatProperties(p.apiBaseUrl(), mp.apply(p.mp()), ma.apply(p.ma()), p.callback(), p.apiTimeout(),
                p.mpBaseUrl(), p.openBaseUrl());
    }
}
