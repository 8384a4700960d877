package cn.qiying.knowledge.embedding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedding model runs ({@code qiying.knowledge.embedding.*}). Batch size and wait were measured on two cores
 * (see the README's speed table): questions that arrive together share one model run.
 *
 * @param model        {@code float} (bge-small-zh-v1.5 as published) or {@code quantized} (its int8 form)
 * @param threads      ONNX threads per run; 1 leaves the other cores to concurrent runs, Redis and the web threads
 * @param workers      threads running batches at once; 0 means one per core
 * @param batchSize    most texts in one run
 * @param batchWait    how long a worker waits for more texts once it holds one; 0 takes only what already waits
 * @param sharedCache  keep query vectors in Redis, so every instance reuses a question any instance embedded
 * @param sharedCacheTtl how long a query vector stays there
 */
@ConfigurationProperties("qiying.knowledge.embedding")
public record EmbeddingProperties(@DefaultValue("float") Model model, @DefaultValue("1") int threads,
        @DefaultValue("0") int workers, @DefaultValue("16") int batchSize, @DefaultValue("0ms") Duration batchWait,
        @DefaultValue("true") boolean sharedCache, @DefaultValue("7d") Duration sharedCacheTtl) {

    public EmbeddingProperties {
        if (threads < 1 || workers < 0 || batchSize < 1 || batchSize > 256 || batchWait.isNegative()
                || sharedCacheTtl.isNegative()) {
            throw new IllegalArgumentException("qiying.knowledge.embedding: threads ≥ 1, workers ≥ 0, batch-size 1..256, "
                    + "batch-wait and shared-cache-ttl not negative");
        }
    }

    int workerCount() {
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    }

    /** The published model files (langchain4j's artifacts ship them on the class path). */
    public enum Model {
        FLOAT("bge-small-zh-v1.5"), QUANTIZED("bge-small-zh-v1.5-q");

        private final String files;

        Model(String files) {
            this.files = files;
        }

        String onnx() {
            return files + ".onnx";
        }

        String tokenizer() {
            return files + "-tokenizer.json";
        }

        /** Part of every cached vector's key: vectors of two models never mix. */
        public String id() {
            return files;
        }
    }
}
