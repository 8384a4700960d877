package cn.qiying.policy.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An enterprise profile ("one file per enterprise"), keyed by its unified social credit code. Its tags come from three sources kept
 * apart: staff ({@code staffTags}, replaced by each upsert), the rules over its facts ({@code ruleTags}, recomputed on
 * each write) and its own appeals, suggested and confirmed by staff ({@code confirmedTags}, kept across upserts).
 *
 * @param industry section code A–T, or null
 * @param source   {@code staff} (posted or imported) or {@code appeal} (filled in from an appeal before staff wrote it)
 */
public record Enterprise(String uscc, String name, String district, String industry, Scale scale, LocalDate founded,
                         List<Contact> contacts, Set<String> staffTags, Set<String> ruleTags, Set<String> confirmedTags,
                         String source, Instant updatedAt) {

    public static final String FROM_STAFF = "staff";
    public static final String FROM_APPEAL = "appeal";

    public Enterprise {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        staffTags = sorted(staffTags);
        ruleTags = sorted(ruleTags);
        confirmedTags = sorted(confirmedTags);
    }

    /** Every tag it carries, whatever the source. */
    public Set<String> tags() {
        Set<String> all = new TreeSet<>(staffTags);
        all.addAll(ruleTags);
        all.addAll(confirmedTags);
        return java.util.Collections.unmodifiableSet(all);
    }

    public Enterprise withRuleTags(Set<String> tags) {
        return new Enterprise(uscc, name, district, industry, scale, founded, contacts, staffTags, tags, confirmedTags,
                source, updatedAt);
    }

    public Enterprise withConfirmedTag(String tag) {
        Set<String> confirmed = new TreeSet<>(confirmedTags);
        confirmed.add(tag);
        return new Enterprise(uscc, name, district, industry, scale, founded, contacts, staffTags, ruleTags, confirmed,
                source, updatedAt);
    }

    public Enterprise at(Instant when) {
        return new Enterprise(uscc, name, district, industry, scale, founded, contacts, staffTags, ruleTags, confirmedTags,
                source, when);
    }

    private static Set<String> sorted(Set<String> tags) {
        return tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
    }
}
