package cn.qiying.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.handoff.notify.Messenger.Delivery.Outcome;
import cn.qiying.testing.FakeWeChatServer.Answer;
import cn.qiying.testing.FakeWeChatServer;
import cn.qiying.testing.WeChatCallbackClient.Mode;

class ReplyWindowTest extends ChannelsIntegrationTest {

    private static final String CUSTOM = "/cgi-bin/message/custom/send";

    @Autowired
    CustomerServiceMessages customerService;

    @Test
    void aUserMessageOpensFiveCustomerServiceMessages() {
        mpClient(Mode.PLAIN).text("o-window-1", "你好");
        for (int i = 0; i < ReplyWindow.MESSAGES; i++) {
            assertThat(customerService.send("mp", "o-window-1", "第" + i + "条").outcome()).isEqualTo(Outcome.SENT);
        }
        assertThat(customerService.send("mp", "o-window-1", "第六条").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(WECHAT.requests(CUSTOM)).hasSize(ReplyWindow.MESSAGES);

        mpClient(Mode.PLAIN).text("o-window-1", "再问一句");
        assertThat(customerService.send("mp", "o-window-1", "又可以了").outcome()).isEqualTo(Outcome.SENT);
    }

    @Test
    void aWindowWeChatReportsClosedStaysClosedUntilTheUserWrites() {
        WECHAT.answer(CUSTOM, r -> Answer.json("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}"));
        assertThat(customerService.send("mp", "o-window-2", "久未联系").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(customerService.send("mp", "o-window-2", "再试").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(WECHAT.requests(CUSTOM)).as("the second is refused without asking WeChat").hasSize(1);
    }

    @Test
    void aSendWeChatFailedDoesNotSpendTheWindow() {
        mpClient(Mode.PLAIN).text("o-window-3", "你好");
        WECHAT.failNext(3, FakeWeChatServer.Failure.HTTP_500);
        for (int i = 0; i < 3; i++) {
            assertThat(customerService.send("mp", "o-window-3", "失败" + i).outcome()).isEqualTo(Outcome.RETRY);
        }
        for (int i = 0; i < ReplyWindow.MESSAGES; i++) {
            assertThat(customerService.send("mp", "o-window-3", "第" + i + "条").outcome()).as("message %d", i).isEqualTo(Outcome.SENT);
        }
        assertThat(customerService.send("mp", "o-window-3", "第六条").outcome()).isEqualTo(Outcome.REFUSED);
    }
}
