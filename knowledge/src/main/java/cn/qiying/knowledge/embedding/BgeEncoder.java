package cn.qiying.knowledge.embedding;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * bge-small-zh-v1.5 over many texts in one ONNX run: the texts are padded to the longest and masked, and each text's
 * [CLS] state is its embedding (bge's pooling). A batch of one is mostly fixed cost (tensors, the session's graph
 * walk), so concurrent questions share a run. Texts longer than the model's 512 positions go to {@code longText},
 * langchain4j's encoder, which averages windows as before; everything shorter gives the same vector as that encoder
 * (padding is masked), so stored entry vectors stay valid.
 */
final class BgeEncoder {

    /** Positions of the model, [CLS] and [SEP] included. */
    static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final LongText longText;

    /** The per-text path for texts the model cannot take at once. */
    interface LongText {
        float[] embed(String text);
    }

    BgeEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, LongText longText) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.longText = longText;
    }

    /** Unit vectors, in the order of {@code texts}. */
    List<float[]> embed(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        float[][] out = new float[texts.size()][];
        List<Integer> batch = new ArrayList<>(texts.size());
        for (int i = 0; i < encodings.length; i++) {
            if (encodings[i].getIds().length > MAX_TOKENS) {
                out[i] = longText.embed(texts.get(i));
            } else {
                batch.add(i);
            }
        }
        if (!batch.isEmpty()) {
            run(encodings, batch, out);
        }
        return List.of(out);
    }

    private void run(Encoding[] encodings, List<Integer> batch, float[][] out) {
        int length = 0;
        for (int i : batch) {
            length = Math.max(length, encodings[i].getIds().length);
        }
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int row = 0; row < batch.size(); row++) {
            Encoding e = encodings[batch.get(row)];
            System.arraycopy(e.getIds(), 0, ids, row * length, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, row * length, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, row * length, e.getTypeIds().length);
        }
        long[] shape = {batch.size(), length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [batch, length, dimensions]: row r's [CLS] starts at r * length * dimensions
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] dims = hidden.getInfo().getShape();
                int dimensions = (int) dims[2];
                FloatBuffer states = hidden.getFloatBuffer();
                for (int row = 0; row < batch.size(); row++) {
                    float[] cls = new float[dimensions];
                    states.get(row * length * dimensions, cls);
                    out[batch.get(row)] = TextEmbedder.unit(cls);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("bge-small-zh could not embed a batch of " + batch.size(), e);
        }
    }
}
