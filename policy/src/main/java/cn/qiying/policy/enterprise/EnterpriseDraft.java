package cn.qiying.policy.enterprise;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.policy.Problem;
import cn.qiying.policy.tag.TagScheme;

/**
 * A profile as staff post or import it (CONTRACT.md's {@code POST /api/enterprises}), before it is checked. Industry
 * and scale may be codes or Chinese names; {@code founded} is an ISO date.
 */
public record EnterpriseDraft(String uscc, String name, String district, String industry, String scale,
                              List<String> tags, List<Contact> contacts, String founded) {

    static final int MAX_NAME = 100;
    static final int MAX_DISTRICT = 30;
    static final int MAX_TAGS = 60;
    static final int MAX_CONTACTS = 10;
    static final int MAX_CONTACT_NAME = 30;

    public EnterpriseDraft {
        uscc = uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
        name = blankToNull(name);
        district = blankToNull(district);
        industry = blankToNull(industry);
        scale = blankToNull(scale);
        founded = blankToNull(founded);
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        contacts = contacts == null ? List.of() : contacts.stream().filter(c -> c != null && (c.name() != null || c.phone() != null)).toList();
    }

    /** What keeps it from being stored; empty when it can be. */
    public List<Problem> problems(ProfileTerms terms, TagScheme scheme) {
        List<Problem> problems = new ArrayList<>();
        if (uscc == null || uscc.isEmpty()) {
            problems.add(Problem.of("uscc", "policy.enterprise.uscc-missing"));
        } else if (!CreditCode.valid(uscc)) {
            problems.add(Problem.of("uscc", "policy.enterprise.uscc-invalid"));
        }
        if (name == null) {
            problems.add(Problem.of("name", "policy.enterprise.name-missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(Problem.of("name", "policy.enterprise.name-too-long", MAX_NAME));
        }
        if (district == null) {
            problems.add(Problem.of("district", "policy.enterprise.district-missing"));
        } else if (district.length() > MAX_DISTRICT) {
            problems.add(Problem.of("district", "policy.enterprise.district-too-long", MAX_DISTRICT));
        }
        if (industry != null && terms.industry(industry).isEmpty()) {
            problems.add(Problem.of("industry", "policy.enterprise.industry-unknown", cut(industry)));
        }
        if (scale != null && terms.scale(scale).isEmpty()) {
            problems.add(Problem.of("scale", "policy.enterprise.scale-unknown", cut(scale)));
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(Problem.of("tags", "policy.enterprise.tags-too-many", MAX_TAGS));
        } else if (!scheme.unknown(tags).isEmpty()) {
            problems.add(Problem.of("tags", "policy.tags.unknown", scheme.unknown(tags).stream().map(EnterpriseDraft::cut).toList()));
        }
        if (contacts.size() > MAX_CONTACTS) {
            problems.add(Problem.of("contacts", "policy.enterprise.contacts-too-many", MAX_CONTACTS));
        }
        for (Contact c : contacts) {
            if (c.name() != null && c.name().length() > MAX_CONTACT_NAME) {
                problems.add(Problem.of("contacts", "policy.enterprise.contact-name-too-long", MAX_CONTACT_NAME));
            }
            if (c.phone() != null && !Phones.plausible(c.phone())) {
                problems.add(Problem.of("contacts", "policy.enterprise.contact-phone-invalid"));
            }
        }
        if (founded != null && foundedDate() == null) {
            problems.add(Problem.of("founded", "policy.enterprise.founded-invalid"));
        }
        return problems;
    }

    /** The checked draft as a profile written by staff (its rule tags still to be computed). */
    Enterprise toEnterprise(ProfileTerms terms, Set<String> confirmedTags) {
        List<Contact> cleaned = contacts.stream()
                .map(c -> new Contact(c.name(), c.phone() == null ? null : Phones.digits(c.phone()))).toList();
        return new Enterprise(uscc, name, district, terms.industry(industry).orElse(null), terms.scale(scale).orElse(null),
                foundedDate(), cleaned, new LinkedHashSet<>(tags), Set.of(), confirmedTags, Enterprise.FROM_STAFF, null);
    }

    private LocalDate foundedDate() {
        if (founded == null) {
            return null;
        }
        try {
            return LocalDate.parse(founded);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String cut(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
