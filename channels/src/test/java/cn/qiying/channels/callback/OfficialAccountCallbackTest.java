package cn.qiying.channels.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.bot.UserMessage;
import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.StaffHttp;
import cn.qiying.channels.wechat.UndeliveredMessages;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.WeChatCallbackClient.Mode;
import cn.qiying.testing.WeChatCallbackClient.Reply;
import cn.qiying.testing.WeChatCallbackClient;
import cn.qiying.testing.WeChatProtocol;

class OfficialAccountCallbackTest extends ChannelsIntegrationTest {

    private static final String USER = "o-user-0001";

    @Autowired
    UndeliveredMessages undelivered;

    @Test
    void verificationEchoesTheEchostrOnlyWhenSigned() {
        assertThat(mpClient(Mode.PLAIN).verify("echo-123")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("echo-123");
        });
        WeChatCallbackClient forger = new WeChatCallbackClient(URI.create(base() + "/wechat/mp/callback"), "wrong-token",
                AES_KEY, MP_APP_ID, ACCOUNT, Mode.PLAIN);
        assertThat(forger.verify("echo-123").status()).isEqualTo(403);
    }

    @Test
    void plainTextIsAnsweredPassively() {
        Reply reply = mpClient(Mode.PLAIN).text(USER, "营业执照怎么办");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("收到：营业执照怎么办");
        assertThat(WeChatCallbackClient.field(reply.xml(), "ToUserName")).isEqualTo(USER);
        assertThat(WeChatCallbackClient.field(reply.xml(), "FromUserName")).isEqualTo(ACCOUNT);
        UserMessage received = dialog.received().get(0);
        assertThat(received.channel()).isEqualTo("mp");
        assertThat(received.appId()).isEqualTo(MP_APP_ID);
        assertThat(received.openId()).isEqualTo(USER);
        assertThat(received.msgId()).isNotBlank();
    }

    @Test
    void safeModeDecryptsTheMessageAndEncryptsTheReply() {
        // the client checks the reply's MsgSignature and the appid inside before it gives the XML back
        Reply reply = mpClient(Mode.SAFE).text(USER, "安全模式");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("<Encrypt>").doesNotContain("安全模式");
        assertThat(reply.content()).isEqualTo("收到：安全模式");
    }

    @Test
    void aBadSignatureIsRefused() {
        WeChatCallbackClient forger = new WeChatCallbackClient(URI.create(base() + "/wechat/mp/callback"), "wrong-token",
                AES_KEY, MP_APP_ID, ACCOUNT, Mode.PLAIN);
        assertThat(forger.text(USER, "伪造").status()).isEqualTo(403);
        assertThat(mpClient(Mode.PLAIN).postRaw("timestamp=1&nonce=2", "<xml/>").status()).isEqualTo(403);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void aSafeModeMessageWithABadMsgSignatureIsRefused() {
        long now = Instant.now().getEpochSecond();
        String ts = Long.toString(now);
        String encrypted = WeChatProtocol.encrypt(AES_KEY, MP_APP_ID, "0123456789abcdef",
                mpClient(Mode.PLAIN).textXml(USER, "篡改", WeChatCallbackClient.nextMsgId(), now));
        String query = "signature=" + WeChatProtocol.signature(TOKEN, ts, "42") + "&timestamp=" + ts
                + "&nonce=42&encrypt_type=aes&msg_signature=" + WeChatProtocol.signature(TOKEN, ts, "42", "other");
        Reply reply = mpClient(Mode.PLAIN).postRaw(query, "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void aMessageEncryptedForAnotherAppIdIsRefused() {
        WeChatCallbackClient otherApp = new WeChatCallbackClient(URI.create(base() + "/wechat/mp/callback"), TOKEN,
                AES_KEY, "wxother000000000", ACCOUNT, Mode.SAFE);
        assertThat(otherApp.text(USER, "串号").status()).isEqualTo(403);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void anOldOrFutureTimestampIsRefusedAsAReplay() {
        WeChatCallbackClient client = mpClient(Mode.PLAIN);
        long now = Instant.now().getEpochSecond();
        String xml = client.textXml(USER, "重放", WeChatCallbackClient.nextMsgId(), now - 3600);
        assertThat(client.send(xml, now - 3600, "1001").status()).isEqualTo(403);
        assertThat(client.send(xml, now + 3600, "1002").status()).isEqualTo(403);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void aDoctypeIsRefusedWithoutReadingAnyEntity() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>" + USER + "</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>77</MsgId></xml>";
        Reply reply = mpClient(Mode.PLAIN).send(hostile);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("root:");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<xml><Content>&lol2;</Content></xml>";
        assertThat(mpClient(Mode.SAFE).send(bomb).status()).isEqualTo(400);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void malformedAndHugeBodiesAreRefused() {
        assertThat(mpClient(Mode.PLAIN).send("<xml><Content>unterminated").status()).isEqualTo(400);
        assertThat(mpClient(Mode.PLAIN).send("<html><body/></html>").status()).isEqualTo(400);
        String huge = "<xml><Content>" + "诉".repeat(40_000) + "</Content></xml>";
        assertThat(mpClient(Mode.PLAIN).send(huge).status()).isEqualTo(413);
        assertThat(dialog.received()).isEmpty();
    }

    @Test
    void oneMessageDeliveredThreeTimesAtOnceIsProcessedOnce() throws Exception {
        WeChatCallbackClient client = mpClient(Mode.SAFE);
        long now = Instant.now().getEpochSecond();
        String xml = client.textXml(USER, "重试", WeChatCallbackClient.nextMsgId(), now);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Reply>> sends = IntStream.range(0, 3)
                    .<Callable<Reply>>mapToObj(i -> () -> client.send(xml, now, "nonce" + i)).toList();
            List<Reply> replies = pool.invokeAll(sends).stream().map(OfficialAccountCallbackTest::get).toList();
            assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(replies).filteredOn(r -> "收到：重试".equals(r.content())).hasSize(1);
            assertThat(replies).filteredOn(Reply::isSuccess).hasSize(2);
        } finally {
            pool.shutdown();
        }
        assertThat(dialog.received()).hasSize(1);
    }

    @Test
    void eventsAreDedupedByUserTimeAndKey() {
        WeChatCallbackClient client = mpClient(Mode.PLAIN);
        long now = Instant.now().getEpochSecond();
        String click = client.eventXml(USER, "CLICK", "GUIDE", now);
        assertThat(client.send(click).content()).isEqualTo("MENU_CLICK:GUIDE");
        assertThat(client.send(click).isSuccess()).isTrue();
        assertThat(client.send(client.eventXml(USER, "CLICK", "OTHER", now)).content()).isEqualTo("MENU_CLICK:OTHER");
        assertThat(dialog.received()).hasSize(2);
    }

    @Test
    void aSlowAnswerIsSentAsACustomerServiceMessage() {
        dialog.answerAfter(Duration.ofMillis(1500));
        Reply reply = mpClient(Mode.SAFE).text(USER, "慢慢想");
        assertThat(reply.isSuccess()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(WECHAT.requests("/cgi-bin/message/custom/send")).singleElement().satisfies(r -> {
                    assertThat(r.body()).contains(USER).contains("收到：慢慢想").contains("\"msgtype\":\"text\"");
                }));
    }

    @Test
    void aClosedWindowIsRecordedNotRetriedForever() {
        long before = undelivered.count();
        WECHAT.answer("/cgi-bin/message/custom/send",
                r -> FakeWeChatServer.Answer.json("{\"errcode\":45047,\"errmsg\":\"out of response count limit\"}"));
        dialog.answerAfter(Duration.ofMillis(1200));
        assertThat(mpClient(Mode.PLAIN).text(USER, "超限").isSuccess()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> undelivered.count() == before + 1);
        assertThat(WECHAT.requests("/cgi-bin/message/custom/send")).hasSize(1);
        StaffHttp staff = new StaffHttp(base());
        assertThat(staff.get("/api/wechat/undelivered?limit=5", true).body())
                .contains("收到：超限").contains("45047").contains(USER);
        assertThat(staff.get("/api/wechat/undelivered", false).statusCode()).isEqualTo(401);
    }

    @Test
    void mediaAndLocationsReachTheDialog() {
        WeChatCallbackClient client = mpClient(Mode.PLAIN);
        long now = Instant.now().getEpochSecond();
        client.send(client.imageXml(USER, "http://mmbiz.qpic.cn/pic1", "MEDIA_1", WeChatCallbackClient.nextMsgId(), now));
        client.send("<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + USER
                + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
                + "<MediaId><![CDATA[VOICE_1]]></MediaId><Format><![CDATA[amr]]></Format>"
                + "<Recognition><![CDATA[我要投诉]]></Recognition><MsgId>" + WeChatCallbackClient.nextMsgId() + "</MsgId></xml>");
        client.send("<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + USER
                + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[location]]></MsgType>"
                + "<Location_X>36.66</Location_X><Location_Y>117.02</Location_Y><Scale>15</Scale>"
                + "<Label><![CDATA[历下区泺源大街]]></Label><MsgId>" + WeChatCallbackClient.nextMsgId() + "</MsgId></xml>");
        List<UserMessage> received = dialog.received();
        assertThat(received).extracting(UserMessage::kind)
                .containsExactly(UserMessage.Kind.IMAGE, UserMessage.Kind.VOICE, UserMessage.Kind.LOCATION);
        assertThat(received.get(0).media().mediaId()).isEqualTo("MEDIA_1");
        assertThat(received.get(0).media().url()).isEqualTo("http://mmbiz.qpic.cn/pic1");
        assertThat(received.get(1).text()).isEqualTo("我要投诉");
        assertThat(received.get(1).media().mediaId()).isEqualTo("VOICE_1");
        assertThat(received.get(2).text()).isEqualTo("历下区泺源大街 (36.66, 117.02)");

        // WeChat keeps temporary media 3 days: the picture is fetched at once and kept for staff
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(WECHAT.requests("/cgi-bin/media/get"))
                .anySatisfy(r -> assertThat(r.param("media_id")).isEqualTo("MEDIA_1")));
        StaffHttp staff = new StaffHttp(base());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<byte[]> picture = staff.getBytes("/api/media/mp/MEDIA_1", true);
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(picture.body()).isEqualTo(FakeWeChatServer.PNG);
            assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        });
        assertThat(staff.getBytes("/api/media/mp/MEDIA_1", false).statusCode()).isEqualTo(401);
        assertThat(staff.getBytes("/api/media/other/MEDIA_1", true).statusCode()).isEqualTo(404);
    }

    @Test
    void subscribingThroughACardKeepsItsScene() {
        WeChatCallbackClient client = mpClient(Mode.PLAIN);
        assertThat(client.event(USER, "subscribe", "qrscene_card:JN0001").content()).isEqualTo("欢迎关注（card:JN0001）");
        client.event("o-user-0002", "SCAN", "card:JN0002");
        assertThat(client.event("o-user-0003", "unsubscribe", null).isSuccess()).isTrue();
        assertThat(dialog.received()).extracting(UserMessage::kind, UserMessage::scene).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UserMessage.Kind.SUBSCRIBE, "card:JN0001"),
                org.assertj.core.groups.Tuple.tuple(UserMessage.Kind.SCAN, "card:JN0002"),
                org.assertj.core.groups.Tuple.tuple(UserMessage.Kind.UNSUBSCRIBE, null));
    }

    @Test
    void choicesAndLinksAreRenderedForWeChat() {
        assertThat(mpClient(Mode.PLAIN).text(USER, "选项").content())
                .isEqualTo("您想问的是：\n1. 营业执照办理\n2. 社保缴纳\n请回复序号。");
        assertThat(mpClient(Mode.SAFE).text(USER, "链接").content())
                .isEqualTo("<a href=\"https://example.cn/q/JN0001?a=1&amp;b=2\">在线提交诉求</a>");
        assertThat(mpClient(Mode.PLAIN).text(USER, "沉默").isSuccess()).isTrue();
    }

    @Test
    void theMiniProgramAnswersByCustomerServiceMessage() {
        Reply reply = maClient(Mode.SAFE).text("ma-user-1", "小程序客服");
        assertThat(reply.isSuccess()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(WECHAT.requests("/cgi-bin/message/custom/send")).singleElement()
                        .satisfies(r -> assertThat(r.body()).contains("ma-user-1").contains("收到：小程序客服")));
        assertThat(dialog.received()).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo("ma");
            assertThat(m.appId()).isEqualTo(MA_APP_ID);
        });
    }

    private static Reply get(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
