package cn.qiying.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import me.chanjar.weixin.mp.api.WxMpService;
import redis.clients.jedis.UnifiedJedis;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.handoff.notify.Messenger.Delivery.Outcome;
import cn.qiying.platform.redis.Keys;
import cn.qiying.testing.FakeWeChatServer.Failure;

class AccessTokenTest extends ChannelsIntegrationTest {

    private static final String CUSTOM = "/cgi-bin/message/custom/send";
    private static final String STABLE = "/cgi-bin/stable_token";

    @Autowired
    CustomerServiceMessages customerService;
    @Autowired
    SharedAccessTokens tokens;
    @Autowired
    WeChatProperties properties;
    @Autowired
    UnifiedJedis redis;

    @Test
    void theStableTokenIsFetchedOnceAndKeptInRedis() {
        tokens.expire(MP_APP_ID);
        assertThat(customerService.send("mp", "o-token-1", "一").outcome()).isEqualTo(Outcome.SENT);
        assertThat(customerService.send("mp", "o-token-1", "二").outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.requests(STABLE)).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"grant_type\":\"client_credential\"").contains(MP_APP_ID));
        String token = redis.get(Keys.of("wechat", "token", MP_APP_ID));
        assertThat(token).startsWith("FAKE_TOKEN_");
        assertThat(redis.ttl(Keys.of("wechat", "token", MP_APP_ID))).isBetween(6000L, 7000L);
        assertThat(WECHAT.requests(CUSTOM)).allSatisfy(r -> assertThat(r.param("access_token")).isEqualTo(token));
    }

    @Test
    void anInvalidTokenIsRefreshedAndTheCallRepeated() {
        customerService.send("mp", "o-token-1", "先取令牌");
        WECHAT.clear();
        WECHAT.failNext(1, Failure.INVALID_TOKEN_40001);
        assertThat(customerService.send("mp", "o-token-1", "再发").outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.paths()).containsExactly(CUSTOM, STABLE, CUSTOM);
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheCallRepeated() {
        customerService.send("mp", "o-token-1", "先取令牌");
        WECHAT.clear();
        WECHAT.expireTokens();
        assertThat(customerService.send("mp", "o-token-1", "过期后").outcome()).isEqualTo(Outcome.SENT);
        assertThat(WECHAT.paths()).containsExactly(CUSTOM, STABLE, CUSTOM);
    }

    @Test
    void twoInstancesShareOneTokenFetchedUnderALock() throws Exception {
        tokens.expire(MP_APP_ID);
        WeChatClients clients = new WeChatClients(properties);
        WxMpService one = clients.wxMpService(properties, tokens);
        WxMpService two = clients.wxMpService(properties, tokens);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = IntStream.range(0, 6)
                    .<Callable<String>>mapToObj(i -> () -> (i % 2 == 0 ? one : two).getAccessToken()).toList();
            List<String> seen = pool.invokeAll(calls).stream().map(AccessTokenTest::get).distinct().toList();
            assertThat(seen).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(WECHAT.requests(STABLE)).hasSize(1);
    }

    @Test
    void theMiniProgramTokenIsSeparate() {
        assertThat(customerService.send("ma", "ma-token-1", "小程序").outcome()).isEqualTo(Outcome.SENT);
        assertThat(redis.get(Keys.of("wechat", "token", MA_APP_ID))).startsWith("FAKE_TOKEN_");
        assertThat(WECHAT.requests(STABLE)).anySatisfy(r -> assertThat(r.body()).contains(MA_APP_ID));
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
