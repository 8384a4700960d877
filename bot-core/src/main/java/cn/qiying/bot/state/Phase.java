package cn.qiying.bot.state;

/** Where a user's conversation stands. */
public enum Phase {
    /** Nothing under way (a paused appeal draft may still be kept for "继续"). */
    IDLE,
    /** Collecting the slots of an appeal. */
    INTAKE,
    /** The summary was shown; waiting for the user to confirm, correct or cancel. */
    CONFIRMING
}
