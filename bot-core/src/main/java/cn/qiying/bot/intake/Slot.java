package cn.qiying.bot.intake;

/** One piece of an appeal the bot collects, in the order it asks for them. */
public enum Slot {
    KIND(false), DESCRIPTION(false), ENTERPRISE(false), CREDIT_CODE(false), CONTACT(false), PHONE(false), DISTRICT(false),
    PHOTOS(true);

    private final boolean optional;

    Slot(boolean optional) {
        this.optional = optional;
    }

    public boolean optional() {
        return optional;
    }

    /** The message key of the question asking for it. */
    public String questionKey() {
        return "ask." + name().toLowerCase().replace('_', '-');
    }

    /** The message key of its label in the summary. */
    public String labelKey() {
        return "slot." + name().toLowerCase().replace('_', '-');
    }
}
