package cn.qiying.bot.state;

/** A knowledge entry offered as a likely question, kept so the user's number can be answered without searching again. */
public record Suggestion(String id, String question, String answer, String department, String sourceUrl) {
}
