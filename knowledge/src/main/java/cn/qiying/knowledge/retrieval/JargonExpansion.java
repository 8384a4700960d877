package cn.qiying.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Rewrites a normalised query into the knowledge base's words with the curated lexicon
 * {@code knowledge/jargon.tsv}: pinyin initials and English words ("gq", "trademark") are replaced, Chinese jargon and
 * short forms ("外经证", "政采贷") keep the user's words and get the base's phrasing appended.
 */
@Component
class JargonExpansion {

    static final String LEXICON = "knowledge/jargon.tsv";
    private static final int LONGEST_LATIN_PHRASE = 3;

    private final Map<String, String> latin = new HashMap<>();
    private final List<Map.Entry<String, String>> chinese = new ArrayList<>();

    JargonExpansion() {
        this(read(LEXICON));
    }

    JargonExpansion(List<String> lines) {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                continue;
            }
            String term = QueryText.normalise(cols[0], 100);
            String expansion = QueryText.normalise(cols[1], 200);
            if (term.isEmpty() || expansion.isEmpty()) {
                continue;
            }
            if (term.matches("[a-z0-9 ]+")) {
                latin.put(term, expansion);
            } else {
                chinese.add(Map.entry(term, expansion));
            }
        }
        // longer Chinese terms first, so "工商年报" speaks before "年报"
        chinese.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    }

    /** The query (already {@link QueryText#normalise normalised}) in the base's words. */
    String expand(String text) {
        String replaced = replaceLatin(text);
        StringBuilder out = new StringBuilder(replaced);
        for (Map.Entry<String, String> e : chinese) {
            if (replaced.contains(e.getKey()) && out.indexOf(e.getValue()) < 0) {
                out.append(' ').append(e.getValue());
            }
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    /** Runs of Latin words, each longest known phrase (up to three words) replaced by its expansion. */
    private String replaceLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            if (!isLatin(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < text.length() && (isLatin(text.charAt(end))
                    || (text.charAt(end) == ' ' && end + 1 < text.length() && isLatin(text.charAt(end + 1))))) {
                end++;
            }
            out.append(replaceWords(text.substring(i, end).split(" ")));
            i = end;
        }
        return out.toString();
    }

    private String replaceWords(String[] words) {
        List<String> out = new ArrayList<>();
        for (int w = 0; w < words.length; ) {
            int matched = 0;
            for (int n = Math.min(LONGEST_LATIN_PHRASE, words.length - w); n > 0 && matched == 0; n--) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, w, w + n));
                String expansion = latin.get(phrase);
                if (expansion != null) {
                    out.add(expansion);
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(words[w]);
                matched = 1;
            }
            w += matched;
        }
        String joined = String.join(" ", out);
        return joined.equals(String.join(" ", words)) ? joined : " " + joined + " ";
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static List<String> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge lexicon " + resource + " unreadable", e);
        }
    }
}
