package cn.qiying.channels.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.qiying.bot.UserMessage;
import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.wechat.CustomerServiceMessages;
import cn.qiying.channels.wechat.UndeliveredMessages;
import cn.qiying.channels.wechat.WeChatProperties;

/**
 * An instance stopping with asynchronous replies in flight: what it can finish in its grace period it sends; the rest
 * it hands back to Redis, and the next instance sends those; every user gets exactly one reply.
 */
class ShutdownHandBackTest extends ChannelsIntegrationTest {

    private static final String SEND = "/cgi-bin/message/custom/send";

    @Autowired CustomerServiceMessages customerService;
    @Autowired UndeliveredMessages undelivered;
    @Autowired MessageSource messages;
    @Autowired WeChatProperties properties;
    @Autowired HandedBackReplies handedBack;

    @Test
    void repliesInFlightAreFinishedWithinTheGrace() throws Exception {
        dialog.answerAfter(Duration.ofMillis(300));
        ConverseOnCallback stopping = instance(Duration.ofSeconds(10));
        List<String> users = users("finish", 20);
        users.forEach(u -> stopping.converse(message(u), false));
        stopping.stop();

        assertThat(repliesPerUser(users)).as("all sent before the instance stopped").hasSize(20).allSatisfy((u, n) -> assertThat(n).isEqualTo(1));
        assertThat(handedBack.takeAll()).isEmpty();
    }

    @Test
    void whatTheGraceCannotFinishIsHandedBackAndSentOnceByTheNextInstance() throws Exception {
        dialog.answerAfter(Duration.ofSeconds(2));
        ConverseOnCallback stopping = instance(Duration.ofMillis(200));
        List<String> users = users("handback", 24); // more than the 16 workers: some wait in the queue
        users.forEach(u -> stopping.converse(message(u), false));
        Thread.sleep(100);
        stopping.stop();
        Thread.sleep(300); // an interrupted dialog may still finish and send: it must not be handed back as well
        int sentBeforeTheNextInstance = WECHAT.requests(SEND).size();
        assertThat(sentBeforeTheNextInstance).as("the grace was too short for most").isLessThan(24);

        dialog.answerAfter(Duration.ZERO);
        ConverseOnCallback next = instance(Duration.ofSeconds(10));
        next.resumeHandedBack();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (repliesPerUser(users).size() < 24 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300); // room for a duplicate to show
        next.stop();

        assertThat(repliesPerUser(users)).hasSize(24).allSatisfy((u, n) -> assertThat(n).as(u).isEqualTo(1));
        assertThat(handedBack.takeAll()).isEmpty();
    }

    private ConverseOnCallback instance(Duration grace) {
        WeChatProperties.Callback c = properties.callback();
        WeChatProperties withGrace = new WeChatProperties(properties.apiBaseUrl(), properties.mp(), properties.ma(),
                new WeChatProperties.Callback(c.replayWindow(), c.passiveBudget(), c.dedupeTtl(), c.maxBodyBytes(), c.workers(),
                        c.sendAttempts(), grace), properties.apiTimeout(), properties.mpBaseUrl(), properties.openBaseUrl());
        return new ConverseOnCallback(dialog, customerService, undelivered, messages, withGrace, handedBack);
    }

    private static List<String> users(String prefix, int n) {
        String run = prefix + "-" + System.nanoTime() + "-";
        return IntStream.range(0, n).mapToObj(i -> run + i).toList();
    }

    private static UserMessage message(String openId) {
        return UserMessage.text("mp", MP_APP_ID, openId, "你好", "m-" + openId, Instant.now());
    }

    private static Map<String, Long> repliesPerUser(List<String> users) {
        return WECHAT.requests(SEND).stream().map(r -> users.stream().filter(u -> r.body().contains("\"" + u + "\"")).findFirst().orElse(null))
                .filter(u -> u != null).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
