package cn.qiying.policy.library;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.qiying.policy.Problem;
import cn.qiying.policy.enterprise.ProfileTerms;
import cn.qiying.policy.enterprise.Scale;
import cn.qiying.policy.tag.TagScheme;

/**
 * A policy as staff post or import it (CONTRACT.md's {@code POST /api/policies}), before it is checked; dates are ISO
 * dates, industries and scales codes or Chinese names, tags from the scheme, topics from the topic list.
 */
public record PolicyDraft(String id, String title, String summary, String text, String link, String department,
                          String validFrom, String validTo, String benefit, List<String> topics, Conditions conditions) {

    static final int MAX_ID = 56; // "policy-" + id is its knowledge entry's id, at most 64
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_BENEFIT = 500;
    static final int MAX_DEPARTMENT = 60;
    static final int MAX_LIST = 60;

    public PolicyDraft {
        id = trim(id);
        title = trim(title);
        summary = trim(summary);
        text = trim(text);
        link = trim(link);
        department = trim(department);
        validFrom = trim(validFrom);
        validTo = trim(validTo);
        benefit = trim(benefit);
        topics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        conditions = conditions == null ? Conditions.NONE : conditions;
    }

    public List<Problem> problems(ProfileTerms terms, TagScheme scheme, Topics known) {
        List<Problem> problems = new ArrayList<>();
        if (id == null) {
            problems.add(Problem.of("id", "policy.policy.id-missing"));
        } else if (id.length() > MAX_ID || !id.matches("[A-Za-z0-9._-]+")) {
            problems.add(Problem.of("id", "policy.policy.id-invalid", MAX_ID));
        }
        required(problems, "title", title, MAX_TITLE);
        required(problems, "summary", summary, MAX_SUMMARY);
        required(problems, "department", department, MAX_DEPARTMENT);
        tooLong(problems, "text", text, MAX_TEXT);
        tooLong(problems, "benefit", benefit, MAX_BENEFIT);
        if (link != null && (link.length() > 500 || !link.matches("(?i)https?://[^\\s<>\"]+"))) {
            problems.add(Problem.of("link", "policy.policy.link-invalid"));
        }
        Optional<LocalDate> from = date(validFrom);
        Optional<LocalDate> to = date(validTo);
        if (validFrom != null && from.isEmpty()) {
            problems.add(Problem.of("validFrom", "policy.policy.date-invalid"));
        }
        if (validTo != null && to.isEmpty()) {
            problems.add(Problem.of("validTo", "policy.policy.date-invalid"));
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            problems.add(Problem.of("validTo", "policy.policy.validity-reversed"));
        }
        List<String> unknownTopics = topics.stream().filter(t -> !known.contains(t)).toList();
        if (!unknownTopics.isEmpty()) {
            problems.add(Problem.of("topics", "policy.policy.topics-unknown", unknownTopics));
        }
        Conditions c = conditions;
        if (c.allTags().size() + c.anyTags().size() + c.districts().size() + c.industries().size() + c.scales().size() > MAX_LIST) {
            problems.add(Problem.of("conditions", "policy.policy.conditions-too-many", MAX_LIST));
            return problems;
        }
        List<String> unknownTags = scheme.unknown(java.util.stream.Stream.concat(c.allTags().stream(), c.anyTags().stream()).toList());
        if (!unknownTags.isEmpty()) {
            problems.add(Problem.of("conditions", "policy.tags.unknown", unknownTags));
        }
        List<String> unknownIndustries = c.industries().stream().filter(i -> terms.industry(i).isEmpty()).toList();
        if (!unknownIndustries.isEmpty()) {
            problems.add(Problem.of("conditions", "policy.enterprise.industry-unknown", unknownIndustries));
        }
        List<String> unknownScales = c.scales().stream().filter(s -> terms.scale(s).isEmpty()).toList();
        if (!unknownScales.isEmpty()) {
            problems.add(Problem.of("conditions", "policy.enterprise.scale-unknown", unknownScales));
        }
        if (c.districts().stream().anyMatch(d -> d.length() > 30)) {
            problems.add(Problem.of("conditions", "policy.enterprise.district-too-long", 30));
        }
        return problems;
    }

    /** The checked draft as a policy, its conditions in codes. */
    Policy toPolicy(ProfileTerms terms) {
        Conditions c = new Conditions(conditions.allTags(), conditions.anyTags(), conditions.districts(),
                conditions.industries().stream().map(i -> terms.industry(i).orElseThrow()).distinct().toList(),
                conditions.scales().stream().map(s -> terms.scale(s).map(Scale::json).orElseThrow()).distinct().toList());
        return new Policy(id, title, summary, text, link, department, date(validFrom).orElse(null),
                date(validTo).orElse(null), benefit, topics, c, null);
    }

    private static void required(List<Problem> problems, String field, String value, int max) {
        if (value == null) {
            problems.add(Problem.of(field, "policy.policy." + field + "-missing"));
        } else {
            tooLong(problems, field, value, max);
        }
    }

    private static void tooLong(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Problem.of(field, "policy.policy." + field + "-too-long", max));
        }
    }

    private static Optional<LocalDate> date(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
