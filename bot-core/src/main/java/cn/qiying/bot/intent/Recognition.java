package cn.qiying.bot.intent;

import cn.qiying.bot.intake.AppealKind;

/**
 * A recognised intent with what the message said along with it.
 *
 * @param kind     for {@link Intent#APPEAL}: the appeal kind, when the message named one
 * @param ticketNo for {@link Intent#STATUS}: the ticket number, when the message gave one
 * @param rating   for {@link Intent#RATING}: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED
 * @param number   for {@link Intent#CHOICE}: the number picked
 */
public record Recognition(Intent intent, AppealKind kind, String ticketNo, String rating, int number) {

    public static Recognition of(Intent intent) {
        return new Recognition(intent, null, null, null, 0);
    }

    public static Recognition appeal(AppealKind kind) {
        return new Recognition(Intent.APPEAL, kind, null, null, 0);
    }

    public static Recognition status(String ticketNo) {
        return new Recognition(Intent.STATUS, null, ticketNo, null, 0);
    }

    public static Recognition rating(String rating) {
        return new Recognition(Intent.RATING, null, null, rating, 0);
    }

    public static Recognition choice(int number) {
        return new Recognition(Intent.CHOICE, null, null, null, number);
    }
}
