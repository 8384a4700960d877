package cn.qiying.knowledge.retrieval;

import java.text.Normalizer;
import java.util.Locale;

/**
 * User text made safe for the query engine: only letters, digits and single spaces survive, so no character of the
 * query syntax ({@code * @ : | - " { } % \ ( ) [ ] ~ $}) can change what a query means; long input is cut.
 */
final class QueryText {

    private QueryText() {
    }

    static String normalise(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        // NFKC folds full-width letters and digits (ＳＣ证, １２３) into their ordinary forms
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(folded.length(), maxLength));
        boolean space = false;
        for (int i = 0; i < folded.length() && out.length() < maxLength; ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space && out.length() > 0) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    // "不是稳岗返还，是…", "我问的不是X，…": the clause naming what the user does NOT mean, when more follows
    private static final java.util.regex.Pattern NEGATED_CLAUSE =
            java.util.regex.Pattern.compile("(?:^| )(?:我问的|我说的|问的|说的|并|而)?不是[^ ]{1,20} (?=[^ ])");

    /** A normalised query without a leading "not X," clause, whose words would pull towards the entry not meant. */
    static String withoutNegatedClause(String normalised) {
        java.util.regex.Matcher m = NEGATED_CLAUSE.matcher(normalised);
        String out = m.replaceAll(" ").strip();
        return out.isEmpty() ? normalised : out;
    }
}
