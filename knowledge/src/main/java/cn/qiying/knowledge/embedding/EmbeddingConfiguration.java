package cn.qiying.knowledge.embedding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The one in-process bge-small-zh-v1.5 model (ONNX, offline); other modules reuse this bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
public class EmbeddingConfiguration {

    /** Dimensions of bge-small-zh-v1.5 vectors. */
    public static final int DIMENSIONS = 512;

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);

    /**
     * The bge model with its ONNX session tuned for a server: each run uses {@code threads} threads (default 1) without
     * spin-waiting, and concurrent texts are batched into shared runs. ONNX Runtime's default (a thread per core,
     * spinning between runs) makes concurrent questions fight over the cores and burns CPU that Redis and the web
     * threads need. The older flat setting {@code qiying.knowledge.embedding-threads} still counts.
     */
    @Bean(destroyMethod = "close")
    BatchedEmbeddingModel embeddingModel(EmbeddingProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meters) throws OrtException, IOException {
        int threads = environment.getProperty("qiying.knowledge.embedding-threads", Integer.class, properties.threads());
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Math.max(1, threads));
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        EmbeddingProperties.Model model = properties.model();
        byte[] onnx;
        byte[] tokenizerJson;
        try (InputStream in = resource(model.onnx()); InputStream t = resource(model.tokenizer())) {
            onnx = in.readAllBytes();
            tokenizerJson = t.readAllBytes();
        }
        OrtSession session = ort.createSession(onnx, options);
        BgeSmallZh single = new BgeSmallZh(new OnnxBertBiEncoder(ort, session, new ByteArrayInputStream(tokenizerJson),
                PoolingMode.CLS), null);
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                Map.of("padding", "false", "truncation", "false"));
        BgeEncoder encoder = new BgeEncoder(ort, session, tokenizer, text -> single.embed(text).content().vector());
        log.info("{} loaded: {} thread(s) per run, {} worker(s), batches of up to {} waiting at most {} ms", model.id(),
                Math.max(1, threads), properties.workerCount(), properties.batchSize(), properties.batchWait().toMillis());
        return new BatchedEmbeddingModel(encoder, properties, model, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EmbeddingConfiguration.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j's bge-small-zh-v15 artifacts)");
        }
        return in;
    }

    /** langchain4j's in-process model around our own session: the path for texts longer than the model's window. */
    static final class BgeSmallZh extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        BgeSmallZh(OnnxBertBiEncoder encoder, Executor executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
