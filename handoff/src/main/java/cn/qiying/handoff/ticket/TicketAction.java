package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import cn.qiying.handoff.appeal.Rating;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;

/**
 * One thing that can happen to a ticket: each action says who may do it, which status it leads to, and what it
 * changes. {@link TicketTransitions} checks the status machine and writes the result atomically.
 */
public sealed interface TicketAction {

    /** The action's name in the REST API and the history. */
    String name();

    /** The status after the action, or null when the status stays (supervision, flags). */
    TicketStatus target(Ticket ticket);

    /** Whether the actor may do this to this ticket (visibility is checked before). */
    boolean permits(Actor actor, Ticket ticket);

    /** Changes the copy; returns the note for the history. */
    String apply(Ticket ticket, Actor actor, Instant now, TransitionContext context);

    /** For actions that keep the status: may it happen now? */
    default boolean allowedWithoutMove(Ticket ticket) {
        return ticket.getStatus().isOpen();
    }

    private static boolean centre(Actor a) {
        return a.is(StaffRole.ADMIN) || a.is(StaffRole.OPERATOR);
    }

    private static boolean leadDepartment(Actor a, Ticket t) {
        return a.is(StaffRole.ADMIN) || (a.is(StaffRole.HANDLER) && a.department() != null && a.department().equals(t.getDepartment()));
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw TicketProblems.badRequest("请填写" + what);
        }
        if (value.length() > 2000) {
            throw TicketProblems.badRequest(what + "不能超过 2000 字");
        }
        return value.trim();
    }

    record Triage(Complexity complexity, String category) implements TicketAction {
        public String name() { return "triage"; }
        public TicketStatus target(Ticket t) { return TicketStatus.TRIAGED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            if (complexity == null) {
                throw TicketProblems.badRequest("请选择复杂程度 complexity: simple、general、complex 或 major");
            }
            t.setComplexity(complexity);
            if (category != null && !category.isBlank()) {
                t.setCategory(category.trim());
            }
            var suggestion = ctx.suggest(t);
            t.setSuggestion(suggestion.department(), suggestion.department() == null ? null : suggestion.confidence());
            t.setDeadlines(ctx.milestones(t));
            if (complexity == Complexity.MAJOR) {
                t.setFlags(t.getFlags().withSupervised());
                t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.MAJOR, "重大事项", now, a.name()));
            }
            return complexity.json() + (t.getCategory() == null ? "" : " / " + t.getCategory());
        }
    }

    record Reject(String reason) implements TicketAction {
        public String name() { return "reject"; }
        public TicketStatus target(Ticket t) { return TicketStatus.REJECTED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            t.setClosedAt(now);
            return required(reason, "不予受理的理由");
        }
    }

    record Merge(String into) implements TicketAction {
        public String name() { return "merge"; }
        public TicketStatus target(Ticket t) { return TicketStatus.MERGED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String other = required(into, "合并到的工单号 into");
            if (other.equals(t.getNo()) || ctx.tickets().find(other).isEmpty()) {
                throw TicketProblems.badRequest("合并目标工单 " + other + " 不存在");
            }
            t.setMergedInto(other);
            t.setClosedAt(now);
            return "重复诉求，并入 " + other;
        }
    }

    record Assign(String department, List<String> coDepartments) implements TicketAction {
        public String name() { return "assign"; }
        public TicketStatus target(Ticket t) { return TicketStatus.ASSIGNED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String lead = ctx.departmentId(required(department, "牵头单位 department"));
            LinkedHashSet<String> co = new LinkedHashSet<>();
            if (coDepartments != null) {
                for (String d : coDepartments) {
                    String id = ctx.departmentId(d);
                    if (!id.equals(lead)) {
                        co.add(id);
                    }
                }
            }
            t.setDepartment(lead);
            t.setCoDepartments(new ArrayList<>(co));
            if (t.getComplexity() == null) {
                t.setComplexity(Complexity.GENERAL);
            }
            t.setDeadlines(ctx.milestones(t));
            return "牵头 " + ctx.departmentName(lead) + (co.isEmpty() ? "" : "，协办 " + co.stream().map(ctx::departmentName).toList());
        }
    }

    record Accept() implements TicketAction {
        public String name() { return "accept"; }
        public TicketStatus target(Ticket t) { return TicketStatus.ACCEPTED; }
        public boolean permits(Actor a, Ticket t) { return leadDepartment(a, t); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) { return null; }
    }

    record Return(String reason) implements TicketAction {
        public String name() { return "return"; }
        public TicketStatus target(Ticket t) { return TicketStatus.RETURNED; }
        public boolean permits(Actor a, Ticket t) { return leadDepartment(a, t); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String why = required(reason, "退回理由 reason");
            t.setCounters(t.getCounters().returned());
            t.setDepartment(null);
            t.setCoDepartments(List.of());
            return why;
        }
    }

    record Contact(String note) implements TicketAction {
        public String name() { return "contact"; }
        public TicketStatus target(Ticket t) { return TicketStatus.CONTACTED; }
        public boolean permits(Actor a, Ticket t) { return leadDepartment(a, t); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String n = required(note, "联系情况 note");
            if (t.getContactedAt() == null) {
                t.setContactedAt(now);
            }
            return n;
        }
    }

    record Reply(String text) implements TicketAction {
        public String name() { return "reply"; }
        public TicketStatus target(Ticket t) { return TicketStatus.REPLIED; }
        public boolean permits(Actor a, Ticket t) { return leadDepartment(a, t); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String n = required(text, "答复内容 text");
            if (t.getFirstReplyAt() == null) {
                t.setFirstReplyAt(now);
            }
            if (t.getContactedAt() == null) {
                t.setContactedAt(now);
            }
            t.setCounters(t.getCounters().replied());
            return n;
        }
    }

    record Resolve(String result) implements TicketAction {
        public String name() { return "resolve"; }
        public TicketStatus target(Ticket t) { return TicketStatus.RESOLVED; }
        public boolean permits(Actor a, Ticket t) { return leadDepartment(a, t); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String r = required(result, "办理结果 result");
            t.setResult(r);
            t.setResolvedAt(now);
            if (t.getContactedAt() == null) {
                t.setContactedAt(now);
            }
            if (t.getFirstReplyAt() == null) {
                t.setFirstReplyAt(now);
            }
            return r;
        }
    }

    record Review(Boolean passed, String comment) implements TicketAction {
        public String name() { return "review"; }
        public TicketStatus target(Ticket t) { return Boolean.TRUE.equals(passed) ? TicketStatus.REVIEWED : TicketStatus.REDO; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            if (passed == null) {
                throw TicketProblems.badRequest("请说明质检是否通过 passed");
            }
            if (!passed) {
                String why = required(comment, "重办意见 comment");
                t.setCounters(t.getCounters().redone());
                t.setResolvedAt(null);
                return "质检未通过，重办：" + why;
            }
            return comment == null || comment.isBlank() ? "质检通过" : "质检通过：" + comment.trim();
        }
    }

    record Reopen(String reason) implements TicketAction {
        public String name() { return "reopen"; }
        public TicketStatus target(Ticket t) { return TicketStatus.REOPENED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String why = required(reason, "重启理由 reason");
            t.setCounters(t.getCounters().reopened());
            t.setResolvedAt(null);
            t.setContactedAt(null);
            t.setFirstReplyAt(null);
            t.setWindowStart(now);
            t.setFlags(t.getFlags().withoutTimers());
            t.setDeadlines(ctx.milestones(t));
            return why;
        }
    }

    record Close() implements TicketAction {
        public String name() { return "close"; }
        public TicketStatus target(Ticket t) { return TicketStatus.CLOSED; }
        public boolean permits(Actor a, Ticket t) { return centre(a); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            t.setClosedAt(now);
            return null;
        }
    }

    record Supervise(String reason) implements TicketAction {
        public String name() { return "supervise"; }
        public TicketStatus target(Ticket t) { return null; }
        public boolean permits(Actor a, Ticket t) { return a.is(StaffRole.ADMIN) || a.is(StaffRole.SUPERVISOR); }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String why = required(reason, "督办事由 reason");
            t.setFlags(t.getFlags().withSupervised());
            t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.MANUAL, why, now, a.name()));
            return why;
        }
    }

    /** The enterprise rates the result (through the appeal desk, never through staff REST). */
    /**
     * The enterprise rates: on WeChat by its openId, or, off WeChat (a card's form in a phone browser), by the contact
     * phone it left; {@code phone} is null for a WeChat rating.
     */
    record Rate(String openId, String phone, Rating rating, String comment) implements TicketAction {
        public String name() { return "rate"; }
        public TicketStatus target(Ticket t) { return TicketStatus.RATED; }
        public boolean permits(Actor a, Ticket t) {
            if (phone != null) {
                return t.getEnterprise() != null && t.getEnterprise().leftPhone(phone);
            }
            return t.getSource() != null && openId != null && openId.equals(t.getSource().openId());
        }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            String c = comment == null ? null : comment.trim();
            if (c != null && c.length() > 500) {
                throw TicketProblems.badRequest("评价内容不能超过 500 字");
            }
            t.setRating(new RatingRecord(rating, c, now));
            if (rating == Rating.UNSATISFIED) {
                t.setCallbackVisit(new CallbackVisit(now, c, false));
                t.setFlags(t.getFlags().withSupervised());
                t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.UNSATISFIED, c, now, "system"));
            }
            return rating.json() + (c == null || c.isEmpty() ? "" : "：" + c);
        }
    }

    /** The sweeper marks a milestone near its deadline or overdue. */
    record FlagDeadline(String milestone, String stage) implements TicketAction {
        public String name() { return "overdue".equals(stage) ? "overdue" : "near-deadline"; }
        public TicketStatus target(Ticket t) { return null; }
        public boolean permits(Actor a, Ticket t) { return a == Actor.SYSTEM; }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            t.fired(milestone + "|" + stage);
            boolean overdue = "overdue".equals(stage);
            t.setFlags((overdue ? t.getFlags().withOverdue() : t.getFlags().withNearDeadline()).withSupervised());
            t.addSupervision(new SupervisionEntry(overdue ? SupervisionEntry.Reason.OVERDUE : SupervisionEntry.Reason.NEAR_DEADLINE,
                    milestone, now, "system"));
            return milestone;
        }
    }

    /** Repeated or clustered appeals (多次或集中反映). */
    record MarkRepeated(SupervisionEntry.Reason reason, String note) implements TicketAction {
        public String name() { return "repeated"; }
        public TicketStatus target(Ticket t) { return null; }
        public boolean permits(Actor a, Ticket t) { return a == Actor.SYSTEM; }
        public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
            t.setFlags(t.getFlags().withRepeated().withSupervised());
            t.addSupervision(new SupervisionEntry(reason, note, now, "system"));
            return note;
        }
    }
}
