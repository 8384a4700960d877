package cn.qiying.knowledge.retrieval;

import java.util.List;
import java.util.Set;

/**
 * What a search reads of one entry: each phrasing's text, vector and character grams (question first), the vector of
 * question and answer as one passage, the answer's grams, and what a hit shows.
 */
record EntrySnapshot(String id, String revision, List<String> phrasingTexts, List<float[]> phrasings,
        List<Set<String>> phrasingGrams, float[] passage, Set<String> answerGrams, String question, String answer,
        String category, String department, String sourceUrl) {
}
