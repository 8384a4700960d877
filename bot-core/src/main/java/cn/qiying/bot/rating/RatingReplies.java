package cn.qiying.bot.rating;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.text.Phrases;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.text.Texts;

/** A rating reply (1 满意 / 2 基本满意 / 3 不满意, or the words) for the user's ticket that awaits its rating. */
@Component
public class RatingReplies {

    /** The status of a ticket whose result passed review and now awaits the enterprise's rating. */
    static final String AWAITING_RATING = "reviewed";
    private static final List<Rating> BY_NUMBER = List.of(Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.UNSATISFIED);

    private static final Logger log = LoggerFactory.getLogger(RatingReplies.class);

    private final AppealDesk desk;
    private final Phrases phrases;
    private final Texts texts;

    public RatingReplies(AppealDesk desk, Phrases phrases, Texts texts) {
        this.desk = desk;
        this.phrases = phrases;
        this.texts = texts;
    }

    /** The rating question for a ticket, answered by number (channels may send it with the resolution push). */
    public Turn prompt(DialogState state, String ticketNo) {
        List<Offer> offers = BY_NUMBER.stream().map(r -> new Offer(Offer.Action.RATE, r.name())).toList();
        Reply question = new Reply.Choices(phrases.get("rating.prompt.intro", ticketNo),
                List.of(phrases.get("rating.satisfied"), phrases.get("rating.basically"), phrases.get("rating.unsatisfied")),
                phrases.get("rating.prompt.outro"));
        return Turn.of(state.offering(offers, List.of(), ticketNo), question);
    }

    /** The ticket a bare rating answers: the one prompted for, else the newest awaiting a rating. */
    public Optional<String> ticketToRate(DialogState state, UserMessage from) {
        if (state.ratingTicket() != null) {
            return Optional.of(state.ratingTicket());
        }
        return desk.openTicketsOf(from.channel(), from.appId(), from.openId()).stream()
                .filter(t -> AWAITING_RATING.equals(t.status())).map(TicketView::no).findFirst();
    }

    /** Whether a bare number could be a rating: the user has a ticket awaiting one. */
    public boolean awaitsRating(DialogState state, UserMessage from, int number) {
        return number >= 1 && number <= BY_NUMBER.size() && ticketToRate(state, from).isPresent();
    }

    public Turn rateByNumber(DialogState state, UserMessage from, int number) {
        return rate(state, from, BY_NUMBER.get(number - 1).name());
    }

    public Turn rate(DialogState state, UserMessage from, String rating) {
        DialogState next = state.withoutOffers();
        Optional<String> ticket = ticketToRate(state, from);
        if (ticket.isEmpty()) {
            return Turn.of(next, new Reply.Text(phrases.get("rating.nothing")));
        }
        Rating value = Rating.valueOf(rating);
        Refusal refused = desk.rate(ticket.get(), from.openId(), value, null).refusal();
        if (refused != null) {
            log.info("Rating of {} refused: {}", ticket.get(), refused.messageKey());
            return Turn.of(next, new Reply.Text(phrases.get("rating.failed", texts.text(refused))));
        }
        return Turn.of(next, new Reply.Text(phrases.get("rating.thanks." + value.name())));
    }
}
