package cn.qiying.platform.search;

/** Makes user text safe inside a Redis query-engine query: tag values and terms escaped, free text reduced to words. */
public final class QuerySyntax {

    private static final int MAX_WORDS_LENGTH = 200;

    private QuerySyntax() {
    }

    /** A TAG value (or a single term) with every character the query syntax could read as an operator escaped. */
    public static String tag(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp)) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** Letters, digits and ideographs kept, everything else (quotes, @, |, -, braces …) a space; at most 200 code points. */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_WORDS_LENGTH).forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
