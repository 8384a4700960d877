package cn.qiying.knowledge;

/**
 * Published after a user's question was decided (or rated): the curation loop collects what went unanswered and
 * counts the instant answers per week.
 *
 * @param entryId the entry answered or rated, null when none
 * @param useful  the user's rating of the answer, null when the event is the decision itself
 */
public record Asked(String question, Decision decision, String entryId, Boolean useful) {
}
