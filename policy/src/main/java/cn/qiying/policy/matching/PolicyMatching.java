package cn.qiying.policy.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import cn.qiying.policy.enterprise.Enterprise;
import cn.qiying.policy.enterprise.EnterpriseStore;
import cn.qiying.policy.library.Conditions;
import cn.qiying.policy.library.Policy;
import cn.qiying.policy.library.PolicySearch;

/**
 * Which enterprises a policy is for: one query of the enterprise index read through a cursor 10,000 at a time, with
 * only the facts that say why. A policy not in force today matches none.
 */
@Service
public class PolicyMatching {

    /** Matches read per round trip. */
    static final int PAGE = 10_000;

    private final EnterpriseStore enterprises;
    private final PolicySearch policies;
    private final Eligibility eligibility;

    PolicyMatching(EnterpriseStore enterprises, PolicySearch policies, Eligibility eligibility) {
        this.enterprises = enterprises;
        this.policies = policies;
        this.eligibility = eligibility;
    }

    public List<Match> matches(Policy policy) {
        List<Match> all = new ArrayList<>();
        eachMatch(policy, all::add);
        return all;
    }

    /** Streams the matches page by page (a push over 100,000 enterprises holds one page at a time). */
    public long eachMatch(Policy policy, Consumer<Match> each) {
        if (!policy.inForce(policies.today())) {
            return 0;
        }
        Conditions c = policy.conditions();
        // why depends only on the facts the conditions name: a few distinct sentences for thousands of matches
        Map<Eligibility.Facts, String> whys = new HashMap<>();
        return enterprises.eachFact(Eligibility.query(c), PAGE, fieldsForWhy(c), row -> {
            Eligibility.Facts facts = facts(row, c);
            each.accept(new Match(text(row, "uscc"), text(row, "name"), whys.computeIfAbsent(facts, f -> eligibility.why(c, f))));
        });
    }

    /** The policies in force today that the enterprise meets, each with why. */
    public List<Fit> fitting(Enterprise e) {
        Eligibility.Facts facts = new Eligibility.Facts(e.tags(), e.district(), e.industry(), e.scale() == null ? null : e.scale().json());
        return policies.inForce().stream().filter(p -> Eligibility.admits(p.conditions(), facts))
                .map(p -> new Fit(p, eligibility.why(p.conditions(), facts))).toList();
    }

    public record Fit(Policy policy, String why) {
    }

    /** The fields a match's why reads: the code and name, and only the facts the conditions name. */
    private static List<String> fieldsForWhy(Conditions c) {
        List<String> fields = new ArrayList<>(List.of("uscc", "name"));
        if (!c.anyTags().isEmpty()) {
            fields.add("tags");
        }
        if (!c.districts().isEmpty()) {
            fields.add("district");
        }
        if (!c.industries().isEmpty()) {
            fields.add("industry");
        }
        if (!c.scales().isEmpty()) {
            fields.add("scale");
        }
        return fields;
    }

    /** The facts as far as the why needs them: of the tags only those of {@code anyTags} it carries (it has all of {@code allTags}). */
    private static Eligibility.Facts facts(Map<String, Object> row, Conditions c) {
        Set<String> tags = Set.of();
        String carried = text(row, "tags");
        if (!c.anyTags().isEmpty() && carried != null && !carried.isEmpty()) {
            Set<String> own = new HashSet<>(Arrays.asList(carried.split(",")));
            tags = c.anyTags().stream().filter(own::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return new Eligibility.Facts(tags, text(row, "district"), text(row, "industry"), text(row, "scale"));
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? null : value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }
}
