package cn.qiying.knowledge.retrieval;

import java.util.List;

/** What a search reads of one entry: its phrasings' vectors (re-ranking) and what a hit shows. */
record EntrySnapshot(String id, String revision, List<float[]> phrasings, String question, String answer,
        String category, String department, String sourceUrl) {
}
