package cn.qiying.policy.tag;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.qiying.policy.DataFile;
import cn.qiying.policy.PolicyProperties;

/**
 * Tags a profile earns from its facts, by the rules of {@code qiying.policy.tags.rules} (default
 * {@code policy/tag-rules.yml}): a rule gives its tag when every fact it names holds.
 */
@Component
public class TagRules {

    private final List<Rule> rules;

    TagRules(ResourceLoader loader, PolicyProperties properties, TagScheme scheme) {
        this.rules = DataFile.list(DataFile.read(loader, properties.tags().rules()), "rules").stream().map(Rule::of).toList();
        rules.stream().filter(r -> !scheme.contains(r.tag())).findFirst().ifPresent(r -> {
            throw new IllegalStateException("tag rules name a tag outside the scheme: " + r.tag());
        });
    }

    /** The tags the facts earn on {@code today} (age rules count whole years since founding). */
    public Set<String> tagsFor(ProfileFacts facts, LocalDate today) {
        Set<String> tags = new TreeSet<>();
        rules.stream().filter(r -> r.holds(facts, today)).forEach(r -> tags.add(r.tag()));
        return tags;
    }

    private record Rule(String tag, Set<String> industries, Set<String> scales, Set<String> districts,
                        Integer minYears, Integer maxYears) {

        static Rule of(Map<String, Object> item) {
            return new Rule(String.valueOf(item.get("tag")).strip(), Set.copyOf(DataFile.strings(item, "industries")),
                    Set.copyOf(DataFile.strings(item, "scales")), Set.copyOf(DataFile.strings(item, "districts")),
                    integer(item.get("minYears")), integer(item.get("maxYears")));
        }

        boolean holds(ProfileFacts f, LocalDate today) {
            if (!among(industries, f.industry()) || !among(scales, f.scale()) || !among(districts, f.district())) {
                return false;
            }
            if (minYears != null || maxYears != null) {
                if (f.founded() == null || f.founded().isAfter(today)) {
                    return false;
                }
                int years = Period.between(f.founded(), today).getYears();
                return (minYears == null || years >= minYears) && (maxYears == null || years < maxYears);
            }
            return true;
        }

        /** An empty list does not narrow; an absent fact meets no list. */
        private static boolean among(Set<String> listed, String fact) {
            return listed.isEmpty() || (fact != null && listed.contains(fact));
        }

        private static Integer integer(Object value) {
            return value == null ? null : Integer.valueOf(String.valueOf(value));
        }
    }
}
