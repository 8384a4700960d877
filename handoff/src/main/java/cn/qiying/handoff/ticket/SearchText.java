package cn.qiying.handoff.ticket;

/** Makes user text safe inside a search query: tag values escaped, free text reduced to words. */
public final class SearchText {

    private SearchText() {
    }

    /** Escapes every character of a tag value that the query syntax would read as an operator. */
    public static String tag(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Letters, digits and CJK ideographs kept; everything else (quotes, @, |, -, braces …) becomes a space. */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
