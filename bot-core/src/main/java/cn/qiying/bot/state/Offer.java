package cn.qiying.bot.state;

/**
 * One numbered option the bot offered; the user's "1", "2"… picks it.
 *
 * @param arg what the action needs: a suggestion index, an appeal kind, a rating, a ticket number
 */
public record Offer(Action action, String arg) {

    public enum Action { ANSWER, HUMAN, APPEAL, STATUS, ENQUIRY, LEAVE_MESSAGE, RATE, TICKET, CONFIRM, EDIT, CANCEL, MENU }

    public static Offer of(Action action) {
        return new Offer(action, null);
    }
}
