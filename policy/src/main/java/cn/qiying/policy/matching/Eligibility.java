package cn.qiying.policy.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.platform.search.QuerySyntax;
import cn.qiying.policy.Wording;
import cn.qiying.policy.enterprise.ProfileTerms;
import cn.qiying.policy.library.Conditions;

/**
 * A policy's conditions both ways: as one query of the enterprise index (TAG clauses, values escaped), and as a check
 * of one enterprise's facts; and why an enterprise meets them, in Chinese.
 */
@Component
public class Eligibility {

    private final ProfileTerms terms;
    private final Wording wording;

    Eligibility(ProfileTerms terms, Wording wording) {
        this.terms = terms;
        this.wording = wording;
    }

    /** The facts a check reads; {@code scale} is the scale code. */
    public record Facts(Set<String> tags, String district, String industry, String scale) {
    }

    /** The query of the enterprise index that finds exactly the enterprises meeting the conditions. */
    public static String query(Conditions c) {
        List<String> parts = new ArrayList<>();
        c.allTags().forEach(t -> parts.add("@tags:{" + QuerySyntax.tag(t) + "}"));
        any(parts, "tags", c.anyTags());
        any(parts, "district", c.districts());
        any(parts, "industry", c.industries());
        any(parts, "scale", c.scales());
        return parts.isEmpty() ? "*" : String.join(" ", parts);
    }

    public static boolean admits(Conditions c, Facts f) {
        return f.tags().containsAll(c.allTags())
                && (c.anyTags().isEmpty() || c.anyTags().stream().anyMatch(f.tags()::contains))
                && among(c.districts(), f.district()) && among(c.industries(), f.industry()) && among(c.scales(), f.scale());
    }

    /** An empty list does not narrow; an absent fact meets no list (a list of conditions is immutable: no nulls). */
    private static boolean among(List<String> listed, String fact) {
        return listed.isEmpty() || (fact != null && listed.contains(fact));
    }

    /** Why an enterprise meeting the conditions is matched: each condition with the enterprise's fact that meets it. */
    public String why(Conditions c, Facts f) {
        if (!c.narrows()) {
            return wording.text("policy.why.everyone");
        }
        List<String> reasons = new ArrayList<>();
        List<String> tags = new ArrayList<>(c.allTags());
        c.anyTags().stream().filter(f.tags()::contains).forEach(tags::add);
        String separator = wording.text("policy.separator.list");
        if (!tags.isEmpty()) {
            reasons.add(wording.text("policy.why.tags", String.join(separator, tags)));
        }
        if (!c.districts().isEmpty()) {
            reasons.add(wording.text("policy.why.district", f.district()));
        }
        if (!c.industries().isEmpty()) {
            reasons.add(wording.text("policy.why.industry", terms.industryName(f.industry())));
        }
        if (!c.scales().isEmpty()) {
            reasons.add(wording.text("policy.why.scale", terms.scale(f.scale()).map(terms::scaleLabel).orElse(f.scale())));
        }
        return String.join(wording.text("policy.separator.sentence"), reasons);
    }

    private static void any(List<String> parts, String field, List<String> values) {
        if (!values.isEmpty()) {
            parts.add("@" + field + ":{" + String.join("|", values.stream().map(QuerySyntax::tag).toList()) + "}");
        }
    }
}
