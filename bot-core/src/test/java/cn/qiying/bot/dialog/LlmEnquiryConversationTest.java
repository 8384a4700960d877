package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/** With a language model configured: answers phrased from the retrieved entry, the rule path when the model fails. */
class LlmEnquiryConversationTest extends ConversationTest {

    enum Behaviour { ANSWER, REFUSE, FAIL, SLOW }

    static volatile Behaviour behaviour = Behaviour.ANSWER;
    static volatile String lastRequest = "";
    static final HttpServer MODEL = fakeModel();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("qiying.llm.base-url", () -> "http://127.0.0.1:" + MODEL.getAddress().getPort() + "/v1");
        registry.add("qiying.llm.api-key", () -> "test-key");
        registry.add("qiying.llm.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        MODEL.stop(0);
    }

    @Test
    void theModelPhrasesTheRetrievedAnswerAndTheSourceIsKept() {
        behaviour = Behaviour.ANSWER;

        String reply = chat().say("营业执照怎么办理");

        assertThat(reply).startsWith("您好，营业执照可到政务服务中心市场监管窗口办理").contains("来源：市场监管局")
                .contains("https://example.gov.cn/policy/licence");
        assertThat(lastRequest).contains("营业执照怎么办理").contains("携带身份证到政务服务中心市场监管窗口申请");
    }

    @Test
    void aRefusalFromTheModelSendsTheEntryAsItIs() {
        behaviour = Behaviour.REFUSE;
        assertThat(chat().say("营业执照怎么办理")).startsWith("携带身份证到政务服务中心市场监管窗口申请").contains("来源：市场监管局");
    }

    @Test
    void aFailingModelLeavesTheRulePathAnswering() {
        behaviour = Behaviour.FAIL;
        assertThat(chat().say("营业执照怎么办理")).startsWith("携带身份证到政务服务中心市场监管窗口申请");
    }

    @Test
    void aSlowModelIsNotWaitedForBeyondTheTimeout() {
        behaviour = Behaviour.SLOW;
        long start = System.nanoTime();

        String reply = chat().say("营业执照怎么办理");

        assertThat(reply).startsWith("携带身份证到政务服务中心市场监管窗口申请");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    private static HttpServer fakeModel() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                lastRequest = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Behaviour now = behaviour;
                if (now == Behaviour.SLOW) {
                    sleep(4000);
                }
                if (now == Behaviour.FAIL) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                    return;
                }
                String content = now == Behaviour.REFUSE ? "NONE" : "您好，营业执照可到政务服务中心市场监管窗口办理，也可以网上登记。";
                byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"qwen-plus\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException e) {
                    // the client gave up waiting (the slow case)
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
