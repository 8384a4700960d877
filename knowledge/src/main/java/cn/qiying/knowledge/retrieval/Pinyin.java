package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Toneless readings of Chinese characters (pinyin4j): what a phone IME types for them. */
final class Pinyin {

    /** Reading combinations kept per text: polyphones multiply them, and the rare ones add little. */
    static final int MAX_COMBINATIONS = 4;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static final java.util.Map<Character, List<String>> READINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The distinct toneless readings of one character, most common first; empty for a non-Chinese one. */
    static List<String> readings(char c) {
        return READINGS.computeIfAbsent(c, Pinyin::read);
    }

    private static List<String> read(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all == null) {
                return List.of();
            }
            return List.copyOf(new LinkedHashSet<>(List.of(all)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            return List.of();
        }
    }

    /** Readings of a run of Chinese characters, syllables separated by spaces, at most {@link #MAX_COMBINATIONS}. */
    static List<String> spelled(String han) {
        List<String> out = List.of("");
        for (int i = 0; i < han.length(); i++) {
            List<String> r = readings(han.charAt(i));
            if (r.isEmpty()) {
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String syllable : r) {
                    if (next.size() < MAX_COMBINATIONS) {
                        next.add(prefix.isEmpty() ? syllable : prefix + ' ' + syllable);
                    }
                }
            }
            out = next;
        }
        return out;
    }

    /** The initials (first letters of the syllables) of each reading of the run: gong shang ren ding gives "gsrd". */
    static Set<String> initials(String han) {
        Set<String> out = new LinkedHashSet<>();
        for (String spelled : spelled(han)) {
            StringBuilder b = new StringBuilder();
            for (String syllable : spelled.split(" ")) {
                b.append(syllable.charAt(0));
            }
            out.add(b.toString());
        }
        return out;
    }
}
