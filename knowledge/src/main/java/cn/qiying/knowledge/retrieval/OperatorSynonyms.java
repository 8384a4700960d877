package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.qiying.knowledge.entry.BaseVersion;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * The operator's own synonyms ({@code qiying:knowledge:synonyms}, a hash: a user's word to the base's words), empty by
 * default: a city may add its local jargon when the base's own terms do not cover it. A change moves the base version,
 * so the lexicon (which applies them, {@link BaseLexicon#rewrite}) is read again and the base calibrates itself anew.
 */
@Component
class OperatorSynonyms {

    static final String KEY = Keys.of("knowledge", "synonyms");
    static final int MAX_SYNONYMS = 2000;
    static final int MAX_WORD = 20;
    static final int MAX_EXPANSION = 100;

    private final UnifiedJedis jedis;
    private final BaseVersion versions;
    private final QueryText text;

    OperatorSynonyms(UnifiedJedis jedis, BaseVersion versions, QueryText text) {
        this.jedis = jedis;
        this.versions = versions;
        this.text = text;
    }

    /** All synonyms, by word. */
    Map<String, String> all() {
        return new TreeMap<>(jedis.hgetAll(KEY));
    }

    /** Replaces all synonyms (the caller checked them with {@link #problems}). */
    void replace(Map<String, String> synonyms) {
        try (AbstractPipeline p = jedis.pipelined()) {
            p.del(KEY);
            synonyms.forEach((word, expansion) -> p.hset(KEY, text.normalised(word), text.normalised(expansion)));
            p.sync();
        }
        versions.changed();
    }

    /** Message keys of what is wrong with a set of synonyms; empty when it can be stored. */
    static List<String> problems(Map<String, String> synonyms) {
        List<String> problems = new ArrayList<>();
        if (synonyms.size() > MAX_SYNONYMS) {
            problems.add("knowledge.synonyms.too-many");
        }
        if (synonyms.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank()
                || e.getKey().length() > MAX_WORD || e.getValue() == null || e.getValue().isBlank()
                || e.getValue().length() > MAX_EXPANSION)) {
            problems.add("knowledge.synonyms.invalid");
        }
        return problems;
    }

    // a Latin word only as a whole word (not inside a longer one); Chinese anywhere
    static boolean contains(String query, String word) {
        if (!word.chars().allMatch(c -> c < 128)) {
            return query.contains(word);
        }
        return (" " + query.replaceAll("[^a-z0-9]+", " ") + " ").contains(" " + word + " ");
    }
}
