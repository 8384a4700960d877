package cn.qiying.policy.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A policy of the library (a policy benefiting enterprises): what it is, who issued it, while it is in force, what it gives and who it is for.
 *
 * @param text   the full text (optional when {@code link} points at it)
 * @param topics what it gives, from the topic list (users subscribe to topics)
 */
public record Policy(String id, String title, String summary, String text, String link, String department,
                     LocalDate validFrom, LocalDate validTo, String benefit, List<String> topics, Conditions conditions,
                     Instant updatedAt) {

    public Policy {
        topics = topics == null ? List.of() : List.copyOf(topics);
        conditions = conditions == null ? Conditions.NONE : conditions;
    }

    /** In force on that day (validity bounds inclusive). */
    public boolean inForce(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean expired(LocalDate day) {
        return validTo != null && day.isAfter(validTo);
    }
}
