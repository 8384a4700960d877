package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.sla.Milestones;
import cn.qiying.platform.time.ClockConfiguration;

/** A ticket as staff REST shows it; times in Asia/Shanghai. */
public record TicketJsonView(String no, long version, String status, String statusLabel, String kind, String complexity, String category,
                      String district, String description, List<String> attachments, Enterprise enterprise, Source source,
                      String department, String departmentName, List<String> coDepartments, Suggestion suggestion,
                      Deadlines deadlines, Flags flags, Rating rating, Counters counters, OffsetDateTime receivedAt,
                      OffsetDateTime resolvedAt, String result, String mergedInto, CallbackVisit callbackVisit,
                      List<Supervision> supervision, List<History> history) {

    record Suggestion(String department, String departmentName, Double confidence) {
    }

    record Rating(String rating, String comment, OffsetDateTime at) {
    }

    record Supervision(String reason, String note, OffsetDateTime at, String by) {
    }

    record History(OffsetDateTime at, String actor, String action, String from, String to, String note) {
    }

    public static TicketJsonView of(Ticket t, Departments departments, StatusLabels labels) {
        Milestones m = t.getDeadlines();
        var r = t.getRating();
        return new TicketJsonView(t.getNo(), t.getVersion(), t.getStatus().json(), labels.label(t.getStatus()), t.getKind().json(),
                t.getComplexity() == null ? null : t.getComplexity().json(), t.getCategory(), t.getDistrict(), t.getDescription(),
                t.getAttachments(), t.getEnterprise(), t.getSource(), t.getDepartment(),
                t.getDepartment() == null ? null : departments.nameOf(t.getDepartment()), t.getCoDepartments(),
                t.getSuggestedDepartment() == null ? null
                        : new Suggestion(t.getSuggestedDepartment(), departments.nameOf(t.getSuggestedDepartment()), t.getSuggestionConfidence()),
                new Deadlines(at(m.contactBy()), at(m.replyBy()), at(m.resolveBy())), t.getFlags(),
                r == null ? null : new Rating(r.rating().json(), r.comment(), at(r.at())), t.getCounters(),
                at(t.getReceivedAt()), at(t.getResolvedAt()), t.getResult(), t.getMergedInto(), t.getCallbackVisit(),
                t.getSupervision().stream().map(s -> new Supervision(s.reason().name().toLowerCase(), s.note(), at(s.at()), s.by())).toList(),
                t.getHistory().stream().map(h -> new History(at(h.at()), h.actor(), h.action(),
                        h.from() == null ? null : h.from().json(), h.to().json(), h.note())).toList());
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime();
    }
}
