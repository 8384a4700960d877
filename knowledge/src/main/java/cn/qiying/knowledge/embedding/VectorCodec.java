package cn.qiying.knowledge.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** float32 little-endian bytes: the form Redis KNN parameters take, and (Base64) how phrasing vectors are stored. */
public final class VectorCodec {

    private VectorCodec() {
    }

    public static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static String encodeAll(List<float[]> vectors) {
        ByteBuffer out = ByteBuffer.allocate(vectors.stream().mapToInt(v -> v.length * Float.BYTES).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : vectors) {
            for (float x : v) {
                out.putFloat(x);
            }
        }
        return Base64.getEncoder().encodeToString(out.array());
    }

    public static List<float[]> decodeAll(String encoded, int dimensions) {
        List<float[]> vectors = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return vectors;
        }
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() >= dimensions * Float.BYTES) {
            float[] v = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                v[i] = buffer.getFloat();
            }
            vectors.add(v);
        }
        return vectors;
    }
}
