package cn.qiying.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Text as retrieval reads it, the user's and the entries' alike: full-width forms folded (NFKC), lower case,
 * traditional characters in their simplified form (OpenCC), and only letters, digits and single spaces, so that no
 * character of the query syntax ({@code * @ : | - " { } % \ ( ) [ ] ~ $}) can change what a query means.
 */
@Component
class QueryText {

    static final String NEGATION = "knowledge/negation.tsv";
    private static final int LONGEST_TEXT = 10_000;

    private final int maxQueryLength;
    private final Pattern negatedClause;

    @Autowired
    QueryText(KnowledgeProperties properties) {
        this(properties.maxQueryLength(), read(NEGATION));
    }

    QueryText(int maxQueryLength, List<String> negation) {
        this.maxQueryLength = maxQueryLength;
        List<String> negators = new ArrayList<>();
        List<String> leadIns = new ArrayList<>();
        for (String line : negation) {
            String[] cols = line.split("\t");
            if (line.startsWith("#") || cols.length < 2) {
                continue;
            }
            (cols[0].strip().equals("negator") ? negators : leadIns).add(Pattern.quote(cols[1].strip()));
        }
        // the clause naming what the user does NOT mean, when more follows it
        this.negatedClause = negators.isEmpty() ? null : Pattern.compile("(?:^| )(?:" + String.join("|", leadIns)
                + ")?(?:" + String.join("|", negators) + ")[^ ]{1,20} (?=[^ ])");
    }

    /** A user's question, cut to {@code qiying.knowledge.max-query-length}. */
    String query(String text) {
        return normalise(text, maxQueryLength);
    }

    /** An entry's text. */
    String normalised(String text) {
        return normalise(text, LONGEST_TEXT);
    }

    /** A normalised query without a "not X," clause, whose words would pull towards the entry not meant. */
    String withoutNegatedClause(String normalised) {
        if (negatedClause == null) {
            return normalised;
        }
        Matcher m = negatedClause.matcher(normalised);
        String out = m.replaceAll(" ").strip();
        return out.isEmpty() ? normalised : out;
    }

    private static String normalise(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        // NFKC folds full-width letters and digits into their ordinary forms
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (folded.length() > maxLength * 2) {
            folded = folded.substring(0, maxLength * 2);
        }
        folded = ZhConverterUtil.toSimple(folded);
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

    static List<String> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge data file " + resource + " unreadable", e);
        }
    }
}
