package cn.qiying.bot.intent;

/**
 * The click keys of the official account's menu that the bot understands (channels and the menu set-up use these).
 * A key may also carry the prefix {@code menu:}.
 */
public final class MenuKeys {

    public static final String ENQUIRY = "ENQUIRY";
    public static final String APPEAL = "APPEAL";
    public static final String APPEAL_HELP = "APPEAL_HELP";
    public static final String APPEAL_COMPLAINT = "APPEAL_COMPLAINT";
    public static final String APPEAL_REPORT = "APPEAL_REPORT";
    public static final String APPEAL_SUGGESTION = "APPEAL_SUGGESTION";
    public static final String STATUS = "STATUS";
    public static final String HUMAN = "HUMAN";
    public static final String MENU = "MENU";

    private MenuKeys() {
    }
}
