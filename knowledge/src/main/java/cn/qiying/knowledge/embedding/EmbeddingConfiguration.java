package cn.qiying.knowledge.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/** The one in-process bge-small-zh-v1.5 model (ONNX, offline); other modules reuse this bean. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    /** Dimensions of bge-small-zh-v1.5 vectors. */
    public static final int DIMENSIONS = 512;

    @Bean
    EmbeddingModel embeddingModel() {
        return new BgeSmallZhV15EmbeddingModel();
    }
}
