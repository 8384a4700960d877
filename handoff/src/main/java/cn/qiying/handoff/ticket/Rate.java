package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.Optional;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.platform.refusal.Refusal;

/**
 * 评价: the enterprise rates the result, on WeChat by its openId or, off WeChat (a card's form in a phone browser), by
 * the contact phone it left ({@code phone} null for a WeChat rating). Unsatisfied opens a callback visit and supervision.
 */
public record Rate(String openId, String phone, Rating rating, String comment) implements TicketAction {

    public static final int MAX_COMMENT = 500;

    public String name() { return "rate"; }
    public TicketStatus target(Ticket t) { return TicketStatus.RATED; }

    public boolean permits(Actor a, Ticket t) {
        if (phone != null) {
            return t.getEnterprise() != null && t.getEnterprise().leftPhone(phone);
        }
        return t.getSource() != null && openId != null && openId.equals(t.getSource().openId());
    }

    public Optional<Refusal> check(Ticket t, TransitionContext ctx) {
        if (rating == null) {
            return Optional.of(Refusal.invalid("ticket.refusal.rating"));
        }
        return comment != null && comment.trim().length() > MAX_COMMENT
                ? Optional.of(Refusal.invalid("ticket.refusal.comment-too-long", MAX_COMMENT)) : Optional.empty();
    }

    public String apply(Ticket t, Actor a, Instant now, TransitionContext ctx) {
        String c = comment == null ? null : comment.trim();
        t.setRating(new RatingRecord(rating, c, now));
        if (rating == Rating.UNSATISFIED) {
            t.setCallbackVisit(new CallbackVisit(now, c, false));
            t.setFlags(t.getFlags().withSupervised());
            t.addSupervision(new SupervisionEntry(SupervisionEntry.Reason.UNSATISFIED, c, now, Actor.SYSTEM.name()));
        }
        return rating.json() + (c == null || c.isEmpty() ? "" : "：" + c);
    }
}
