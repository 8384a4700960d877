package cn.qiying.bot.intent;

/** What a message asks the bot to do. */
public enum Intent {
    GREETING, MENU, ENQUIRY, APPEAL, STATUS, RATING, HUMAN, CANCEL_HUMAN, CANCEL, RESUME, CONFIRM, SKIP, CHOICE
}
