package cn.qiying.bot.state;

import java.time.Instant;
import java.util.List;

import cn.qiying.bot.intake.AppealDraft;
import cn.qiying.bot.intake.Slot;

/**
 * One user's conversation with the bot, kept in Redis between messages.
 *
 * @param draft        the appeal being collected; kept while paused (phase IDLE) so "继续" resumes it
 * @param awaiting     the slot the bot asked for last
 * @param offers       the numbered options shown last
 * @param suggestions  the knowledge entries behind ANSWER offers
 * @param ratingTicket the ticket a rating reply is for
 * @param lastQuestion the last enquiry, which becomes the description when the user turns it into an appeal
 */
public record DialogState(Phase phase, AppealDraft draft, Slot awaiting, List<Offer> offers, List<Suggestion> suggestions,
                          String ratingTicket, String lastQuestion, Instant lastActiveAt) {

    public DialogState {
        phase = phase == null ? Phase.IDLE : phase;
        offers = offers == null ? List.of() : List.copyOf(offers);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public static DialogState fresh() {
        return new DialogState(Phase.IDLE, null, null, List.of(), List.of(), null, null, null);
    }

    public boolean hasPausedDraft() {
        return phase == Phase.IDLE && draft != null;
    }

    /** The same conversation with nothing on offer (offers last one turn). */
    public DialogState withoutOffers() {
        return new DialogState(phase, draft, awaiting, List.of(), List.of(), null, lastQuestion, lastActiveAt);
    }

    public DialogState offering(List<Offer> newOffers, List<Suggestion> newSuggestions, String newRatingTicket) {
        return new DialogState(phase, draft, awaiting, newOffers, newSuggestions, newRatingTicket, lastQuestion, lastActiveAt);
    }

    public DialogState collecting(Phase newPhase, AppealDraft newDraft, Slot newAwaiting) {
        return new DialogState(newPhase, newDraft, newAwaiting, offers, suggestions, ratingTicket, lastQuestion, lastActiveAt);
    }

    /** Leaves the intake but keeps the draft for "继续". */
    public DialogState paused() {
        return new DialogState(Phase.IDLE, draft, awaiting, offers, suggestions, ratingTicket, lastQuestion, lastActiveAt);
    }

    public DialogState withoutDraft() {
        return new DialogState(Phase.IDLE, null, null, offers, suggestions, ratingTicket, lastQuestion, lastActiveAt);
    }

    public DialogState asked(String question) {
        return new DialogState(phase, draft, awaiting, offers, suggestions, ratingTicket, question, lastActiveAt);
    }

    public DialogState activeAt(Instant at) {
        return new DialogState(phase, draft, awaiting, offers, suggestions, ratingTicket, lastQuestion, at);
    }
}
