package cn.qiying.bot.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Chinese text as the rules read it: full-width folded to half-width, Chinese punctuation to ASCII, spaces collapsed
 * (and dropped between digits or between Chinese characters, where users put them for readability only).
 */
public final class ChineseText {

    private static final Map<Character, Character> PUNCTUATION = Map.ofEntries(
            Map.entry('。', '.'), Map.entry('、', ','), Map.entry('，', ','), Map.entry('！', '!'), Map.entry('？', '?'),
            Map.entry('；', ';'), Map.entry('：', ':'), Map.entry('“', '"'), Map.entry('”', '"'), Map.entry('‘', '\''),
            Map.entry('’', '\''), Map.entry('《', '<'), Map.entry('》', '>'), Map.entry('【', '['), Map.entry('】', ']'),
            Map.entry('（', '('), Map.entry('）', ')'), Map.entry('～', '~'), Map.entry('—', '-'), Map.entry('－', '-'),
            Map.entry('\u3000', ' '));
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BETWEEN_DIGITS = Pattern.compile("(?<=[0-9]) (?=[0-9])");
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan}) (?=\\p{IsHan})");
    private static final Pattern CHOICE = Pattern.compile("^(?:第|选|选择|回复)?\\s*([0-9]{1,2}|[一二三四五六七八九十])\\s*(?:个|项|号|条)?[.,!。]?$");
    private static final Map<String, String> FULL_WIDTH = Map.of(",", "，", "!", "！", "?", "？", ";", "；", ":", "：", ".", "。");
    private static final Pattern PUNCTUATION_BY_HAN = Pattern.compile("(?<=\\p{IsHan})[,!?;:.]|[,!?;:](?=\\p{IsHan})");
    private static final String HAN_DIGITS = "一二三四五六七八九十";

    private ChineseText() {
    }

    /** The form every rule matches against; never null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append(PUNCTUATION.getOrDefault(c, c));
        }
        String spaced = SPACES.matcher(out.toString().strip()).replaceAll(" ");
        spaced = SPACE_BETWEEN_DIGITS.matcher(spaced).replaceAll("");
        return SPACE_BETWEEN_HAN.matcher(spaced).replaceAll("");
    }

    /** Normalized text made for reading again: ASCII punctuation next to Chinese back to full width ("紧张,希望" → "紧张，希望"). */
    public static String forReading(String normalized) {
        return PUNCTUATION_BY_HAN.matcher(normalized).replaceAll(m -> FULL_WIDTH.get(m.group()));
    }

    /** "2", "２", "二", "第2个", "选2" → 2; anything else (including a phone number) is not a choice. */
    public static OptionalInt choiceNumber(String normalized) {
        var m = CHOICE.matcher(normalized);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        String n = m.group(1);
        int han = HAN_DIGITS.indexOf(n);
        return OptionalInt.of(han >= 0 ? han + 1 : Integer.parseInt(n));
    }

    /** Length in characters as a reader counts them (code points), ignoring spaces and punctuation. */
    public static int meaningfulLength(String text) {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
