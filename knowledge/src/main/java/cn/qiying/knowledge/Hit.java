package cn.qiying.knowledge;

/** One knowledge entry found for a question, with its fused score (higher is better). */
public record Hit(String id, String question, String answer, String category, String department, String sourceUrl,
        double score) {
}
