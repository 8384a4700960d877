package cn.qiying.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.qiying.testing.RealRedis;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import redis.clients.jedis.UnifiedJedis;

/** Three instances on one Redis: the third needs no model run for a question the first two embedded. */
@ExtendWith(RealRedis.class)
class SharedQueryVectorsTest {

    UnifiedJedis redis;
    final AtomicInteger runs = new AtomicInteger();

    /** A stand-in for the ONNX model (a langchain4j type, not ours) that counts its runs. */
    final EmbeddingModel counting = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            runs.addAndGet(segments.size());
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {s.text().length(), 1, 0})).toList());
        }
    };

    @BeforeEach
    void connect() {
        RealRedis.clean();
        redis = new UnifiedJedis(URI.create(RealRedis.url()));
    }

    @AfterEach
    void close() {
        redis.close();
    }

    TextEmbedder instance(boolean shared) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("redis", redis);
        return new TextEmbedder(counting, new EmbeddingProperties(EmbeddingProperties.Model.FLOAT, 1, 1, 16,
                Duration.ZERO, shared, Duration.ofDays(1)), beans.getBeanProvider(UnifiedJedis.class));
    }

    @Test
    void aQuestionEmbeddedByTwoInstancesIsReadByTheThird() {
        float[] first = instance(true).query("出口退税怎么办");
        instance(true).query("出口退税怎么办");
        assertThat(runs).hasValue(2);
        float[] third = instance(true).query("出口退税怎么办");
        assertThat(runs).as("the third instance read the vector from Redis").hasValue(2);
        assertThat(third).containsExactly(first);
    }

    @Test
    void questionsSeenOnceLeaveOnlyMarkersThatExpire() {
        TextEmbedder one = instance(true);
        for (int i = 0; i < 50; i++) {
            one.query("从未重复的问题" + i);
        }
        var keys = redis.keys("qiying:embedding:*");
        assertThat(keys).hasSize(50).allMatch(k -> k.contains(":seen:"));
        assertThat(keys).allMatch(k -> redis.ttl(k) > 0 && redis.ttl(k) <= Duration.ofDays(1).toSeconds());
    }

    @Test
    void turnedOffNothingIsWritten() {
        instance(false).query("营业执照");
        instance(false).query("营业执照");
        assertThat(redis.keys("qiying:embedding:*")).isEmpty();
        assertThat(runs).hasValue(2);
    }
}
