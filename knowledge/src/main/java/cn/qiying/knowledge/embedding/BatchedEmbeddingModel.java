package cn.qiying.knowledge.embedding;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * langchain4j's embedding model whose single texts (users' questions, from every thread) are gathered into shared
 * model runs, and whose lists (imports) run in batches of the configured size on the caller's thread.
 */
public final class BatchedEmbeddingModel implements EmbeddingModel, AutoCloseable {

    private final BgeEncoder encoder;
    private final EmbeddingBatcher batcher;
    private final int batchSize;
    private final EmbeddingProperties.Model model;

    BatchedEmbeddingModel(BgeEncoder encoder, EmbeddingProperties properties, EmbeddingProperties.Model model,
            MeterRegistry meters) {
        this.encoder = encoder;
        this.batchSize = properties.batchSize();
        this.model = model;
        this.batcher = new EmbeddingBatcher(encoder::embed, properties.batchSize(), properties.batchWait(),
                properties.workerCount(), meters);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> texts = segments.stream().map(TextSegment::text).toList();
        List<Embedding> out = new ArrayList<>(texts.size());
        if (texts.size() == 1) {
            out.add(Embedding.from(batcher.embed(texts.get(0))));
        } else {
            for (int from = 0; from < texts.size(); from += batchSize) {
                encoder.embed(texts.subList(from, Math.min(texts.size(), from + batchSize)))
                        .forEach(v -> out.add(Embedding.from(v)));
            }
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return EmbeddingConfiguration.DIMENSIONS;
    }

    /** Which published model this is (part of the shared query cache's keys). */
    public EmbeddingProperties.Model model() {
        return model;
    }

    @Override
    public void close() {
        batcher.close();
    }
}
