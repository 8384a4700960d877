package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What retrieval learns from the base's own text, with no word list: how rare each character bigram is (IDF over the
 * entries), and the base's terms (2 to 6 characters of its questions and tags) by their toneless pinyin and by their
 * pinyin initials, so that "gsrd" or a homophone typed on a phone IME is read as the base's own term.
 */
final class BaseLexicon {

    static final BaseLexicon EMPTY = new BaseLexicon(List.of(), null, Map.of());

    private static final int LONGEST_TERM = 6;
    private static final int LONGEST_SOUND = 4;

    private final int size;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<Character, Integer> charDf = new HashMap<>();
    private final Map<String, Integer> terms = new HashMap<>();
    private final EnglishGlosses english;
    private final List<Map.Entry<String, String>> synonyms;
    private final Map<String, String> bySound = new HashMap<>();
    private final Map<String, String> byInitials = new HashMap<>();

    /** The texts of one entry: the phrasings users ask (question, similar questions, tags) and the answer. */
    record EntryText(List<String> phrasings, String answer) {
    }

    BaseLexicon(Collection<EntryText> entries, QueryText text) {
        this(entries, text, Map.of());
    }

    /** With the operator's synonyms (normalised word to normalised expansion), applied after the base's own words. */
    BaseLexicon(Collection<EntryText> entries, QueryText text, Map<String, String> synonyms) {
        this.size = entries.size();
        List<Map.Entry<String, String>> sorted = new ArrayList<>(synonyms.entrySet());
        // longer words first, so that a phrase speaks before a word inside it
        sorted.sort(java.util.Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length())
                .thenComparing(Map.Entry::getKey));
        this.synonyms = List.copyOf(sorted);
        Map<String, Map<String, Integer>> sounds = new HashMap<>();
        Map<String, Map<String, Integer>> initials = new HashMap<>();
        for (EntryText e : entries) {
            Set<String> grams = new HashSet<>();
            Set<String> own = new HashSet<>();
            for (String p : e.phrasings()) {
                String normalised = text.normalised(p);
                grams.addAll(grams(normalised));
                for (String run : hanRuns(normalised)) {
                    for (int n = 2; n <= Math.min(LONGEST_TERM, run.length()); n++) {
                        for (int i = 0; i + n <= run.length(); i++) {
                            own.add(run.substring(i, i + n));
                        }
                    }
                }
            }
            if (e.answer() != null) {
                grams.addAll(grams(text.normalised(e.answer())));
            }
            grams.forEach(g -> df.merge(g, 1, Integer::sum));
            Set<Character> chars = new HashSet<>();
            for (String g : grams) {
                for (int i = 0; i < g.length(); i++) {
                    chars.add(g.charAt(i));
                }
            }
            chars.forEach(c -> charDf.merge(c, 1, Integer::sum));
            for (String term : own) {
                terms.merge(term, 1, Integer::sum);
                if (term.length() <= LONGEST_SOUND) {
                    for (String s : Pinyin.spelled(term)) {
                        sounds.computeIfAbsent(s, k -> new HashMap<>()).merge(term, 1, Integer::sum);
                    }
                }
                for (String s : Pinyin.initials(term)) {
                    initials.computeIfAbsent(s, k -> new HashMap<>()).merge(term, 1, Integer::sum);
                }
            }
        }
        sounds.forEach((k, v) -> bySound.put(k, best(v)));
        initials.forEach((k, v) -> byInitials.put(k, best(v)));
        english = size == 0 ? null : EnglishGlosses.of(terms::containsKey);
    }

    int size() {
        return size;
    }

    /** Entries whose text holds the gram. */
    int df(String gram) {
        return df.getOrDefault(gram, 0);
    }

    /**
     * Share of the entries that may hold a word (an upper bound: its rarest bigram's, or its character's): a word that
     * most entries hold (the words of asking, particles) tells them apart no better than nothing.
     */
    double share(String word) {
        if (size == 0 || word.isEmpty()) {
            return 0;
        }
        if (word.length() == 1) {
            return (double) charDf.getOrDefault(word.charAt(0), 0) / size;
        }
        int least = Integer.MAX_VALUE;
        for (String g : grams(word)) {
            least = Math.min(least, df(g));
        }
        return (double) least / size;
    }

    /** Inverse document frequency, 0 for a gram the base never uses (it says nothing about any entry). */
    double idf(String gram) {
        int n = df(gram);
        return n == 0 ? 0 : Math.log(1 + (double) size / n);
    }

    /** Share of the query's weight (IDF of its grams the base knows) that the entry's grams hold. */
    double coverage(Set<String> query, Set<String> entry) {
        double total = 0;
        double held = 0;
        for (String g : query) {
            double w = idf(g);
            total += w;
            if (entry.contains(g)) {
                held += w;
            }
        }
        return total == 0 ? 0 : held / total;
    }

    /**
     * A normalised query in the base's words: a Latin token that spells the initials of one of the base's terms
     * becomes that term, and a run of characters the base never uses that sounds like one of its terms becomes it.
     */
    String rewrite(String text) {
        if (size == 0 || text.isEmpty()) {
            return text;
        }
        return withSynonyms(ownWords(text));
    }

    private String withSynonyms(String query) {
        StringBuilder out = new StringBuilder(query);
        for (Map.Entry<String, String> s : synonyms) {
            if (OperatorSynonyms.contains(query, s.getKey()) && out.indexOf(s.getValue()) < 0) {
                out.append(' ').append(s.getValue());
            }
        }
        return out.toString();
    }

    private String ownWords(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String token : translated(text).split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(rewriteToken(token));
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    /** Runs of English words replaced, longest phrase first, by the base's most used term the dictionary gives. */
    private String translated(String text) {
        if (english == null || english.isEmpty()) {
            return text;
        }
        // Latin words as their own tokens, so that English glued to Chinese and "work permit" read alike
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean latin = c >= 'a' && c <= 'z';
            if (c == ' ' || (!w.isEmpty() && latin != isLatin(w.charAt(w.length() - 1)))) {
                if (!w.isEmpty()) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            }
            if (c != ' ') {
                w.append(c);
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < words.size(); ) {
            int matched = 0;
            String term = null;
            for (int n = Math.min(EnglishGlosses.LONGEST_PHRASE, words.size() - i); n > 0 && term == null; n--) {
                List<String> phrase = words.subList(i, i + n);
                if (phrase.stream().allMatch(x -> isLatin(x.charAt(0)))) {
                    term = mostUsed(english.terms(String.join(" ", phrase)));
                    matched = term == null ? 0 : n;
                }
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (term == null) {
                out.append(words.get(i++));
            } else {
                out.append(term);
                i += matched;
            }
        }
        return out.toString();
    }

    private String mostUsed(List<String> candidates) {
        String best = null;
        int most = 0;
        for (String c : candidates) {
            int n = terms.getOrDefault(c, 0);
            if (n > most || (n == most && best != null && c.length() > best.length())) {
                best = c;
                most = n;
            }
        }
        return best;
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private String rewriteToken(String token) {
        StringBuilder out = new StringBuilder(token.length() + 4);
        int i = 0;
        while (i < token.length()) {
            int j = i;
            boolean han = Pinyin.isHan(token.charAt(i));
            while (j < token.length() && Pinyin.isHan(token.charAt(j)) == han) {
                j++;
            }
            String segment = token.substring(i, j);
            out.append(han ? correctSounds(segment) : expandInitials(segment));
            i = j;
        }
        return out.toString();
    }

    private String expandInitials(String latin) {
        if (latin.length() < 3 || latin.length() > LONGEST_TERM || !latin.chars().allMatch(c -> c >= 'a' && c <= 'z')
                || vowels(latin) > 1) {
            return latin;
        }
        String term = byInitials.get(latin);
        return term == null ? latin : " " + term + " ";
    }

    private String correctSounds(String run) {
        StringBuilder out = new StringBuilder(run.length());
        int i = 0;
        while (i < run.length()) {
            boolean replaced = false;
            for (int n = Math.min(LONGEST_SOUND, run.length() - i); n >= 2 && !replaced; n--) {
                String window = run.substring(i, i + n);
                if (terms.containsKey(window) || (n == 2 && df(window) > 0)) {
                    continue;
                }
                for (String spelled : Pinyin.spelled(window)) {
                    String term = bySound.get(spelled);
                    if (term != null && !term.equals(window)) {
                        out.append(term);
                        i += n;
                        replaced = true;
                        break;
                    }
                }
            }
            if (!replaced) {
                out.append(run.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Character bigrams of each run of Chinese (a lone character stands for itself) and each Latin or digit word. */
    static Set<String> grams(String normalised) {
        Set<String> grams = new LinkedHashSet<>();
        for (String token : normalised.split(" ")) {
            int i = 0;
            while (i < token.length()) {
                int j = i;
                boolean han = Pinyin.isHan(token.charAt(i));
                while (j < token.length() && Pinyin.isHan(token.charAt(j)) == han) {
                    j++;
                }
                if (!han) {
                    grams.add(token.substring(i, j));
                } else if (j - i == 1) {
                    grams.add(token.substring(i, j));
                } else {
                    for (int k = i; k + 2 <= j; k++) {
                        grams.add(token.substring(k, k + 2));
                    }
                }
                i = j;
            }
        }
        return grams;
    }

    private static List<String> hanRuns(String normalised) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (Pinyin.isHan(c)) {
                run.append(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static int vowels(String latin) {
        int n = 0;
        for (int i = 0; i < latin.length(); i++) {
            n += "aeiou".indexOf(latin.charAt(i)) >= 0 ? 1 : 0;
        }
        return n;
    }

    // the term most entries use; ties in a fixed order so a query reads the same way every time
    private static String best(Map<String, Integer> counts) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
