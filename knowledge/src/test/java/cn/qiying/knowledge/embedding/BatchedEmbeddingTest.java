package cn.qiying.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Batched runs give the vectors langchain4j's own bge model gives one text at a time (padding is masked), texts beyond
 * the model's window included, and concurrent single texts really share runs.
 */
class BatchedEmbeddingTest {

    static ConfigurableApplicationContext context;
    static EmbeddingModel batched;
    static final EmbeddingModel reference = new BgeSmallZhV15EmbeddingModel();

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(EmbeddingConfiguration.class, Meters.class).web(
                org.springframework.boot.WebApplicationType.NONE).run("--qiying.knowledge.embedding.batch-size=8",
                        "--qiying.knowledge.embedding.workers=1", "--qiying.knowledge.embedding.batch-wait=5ms");
        batched = context.getBean(EmbeddingModel.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static class Meters {
        @org.springframework.context.annotation.Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("营业执照", "企业开办需要准备哪些材料，网上可以办理吗",
                "为查询高新技术企业认定的申报时间、所需材料以及评审流程，请问应当向哪个部门咨询", "ok", "社保 缴费 基数 调整"));
        texts.add("企业反映厂区门口道路施工三个月未完工，".repeat(40));
        return texts;
    }

    @Test
    void aBatchGivesTheVectorsOfOneTextAtATime() {
        List<String> texts = texts();
        List<float[]> together = batched.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = reference.embed(texts.get(i)).content().vector();
            assertThat(TextEmbedder.cosine(TextEmbedder.unit(alone), together.get(i))).as(texts.get(i))
                    .isGreaterThan(0.9999f);
        }
    }

    @Test
    void concurrentQuestionsShareModelRuns() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            texts.add("第" + i + "个问题：小微企业贷款贴息怎么申请");
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<float[]>> vectors = new ArrayList<>();
        for (String t : texts) {
            vectors.add(pool.submit(() -> {
                start.await();
                return batched.embed(t).content().vector();
            }));
        }
        start.countDown();
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = TextEmbedder.unit(reference.embed(texts.get(i)).content().vector());
            assertThat(TextEmbedder.cosine(alone, vectors.get(i).get())).isGreaterThan(0.9999f);
        }
        pool.shutdown();
        var sizes = context.getBean(MeterRegistry.class).get("qiying.embedding.batch").summary();
        assertThat(sizes.max()).as("largest batch").isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(sizes.count()).as("model runs for 48 questions").isLessThan(48);
    }
}
