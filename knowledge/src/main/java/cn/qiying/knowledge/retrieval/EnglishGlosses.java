package cn.qiying.knowledge.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * English words and phrases ("permit", "work injury") to the Chinese terms of a base, from CC-CEDICT (a general
 * Chinese-English dictionary, {@code knowledge/cedict.txt.gz}, CC BY-SA 4.0, as MDBG publishes it): only the
 * dictionary's headwords that the base itself uses are kept, so a user's English lands on the base's own words.
 */
final class EnglishGlosses {

    static final String DICTIONARY = "knowledge/cedict.txt.gz";
    static final int LONGEST_PHRASE = 4;

    private final Map<String, List<String>> terms = new HashMap<>();

    private EnglishGlosses() {
    }

    /** The glosses of the headwords the base holds ({@code known}: a Chinese term of the base). */
    static EnglishGlosses of(Predicate<String> known) {
        EnglishGlosses glosses = new EnglishGlosses();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(DICTIONARY).getInputStream()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                int next = space < 0 ? -1 : line.indexOf(' ', space + 1);
                int slash = line.indexOf('/');
                if (next < 0 || slash < 0) {
                    continue;
                }
                String simplified = line.substring(space + 1, next);
                if (simplified.length() < 2 || !known.test(simplified)) {
                    continue;
                }
                for (String sense : line.substring(slash + 1).split("/")) {
                    String phrase = phrase(sense);
                    if (phrase != null) {
                        glosses.terms.computeIfAbsent(phrase, k -> new ArrayList<>()).add(simplified);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(DICTIONARY + " unreadable", e);
        }
        return glosses;
    }

    /** The base's terms for an English phrase (lower case, single spaces); a plural is tried as its singular too. */
    List<String> terms(String phrase) {
        List<String> found = terms.get(phrase);
        if (found == null && phrase.endsWith("ies")) {
            found = terms.get(phrase.substring(0, phrase.length() - 3) + "y");
        }
        if (found == null && phrase.endsWith("s")) {
            found = terms.get(phrase.substring(0, phrase.length() - 1));
        }
        return found == null ? List.of() : found;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    // a sense as a phrase of up to four plain words: "to allow" → "allow", "(abbr. for …)" dropped
    private static String phrase(String sense) {
        String s = sense.replaceAll("\\([^)]*\\)", " ").toLowerCase(java.util.Locale.ROOT).strip();
        if (s.startsWith("to ")) {
            s = s.substring(3);
        }
        if (s.isEmpty() || !s.matches("[a-z][a-z '-]*")) {
            return null;
        }
        String words = s.replace('-', ' ').replace("'", "").replaceAll(" +", " ").strip();
        return words.isEmpty() || words.split(" ").length > LONGEST_PHRASE ? null : words;
    }
}
