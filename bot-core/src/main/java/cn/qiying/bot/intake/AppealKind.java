package cn.qiying.bot.intake;

import java.util.Arrays;
import java.util.Optional;

/** What the enterprise asks for; {@link #code} is the ticket kind the handoff module knows. */
public enum AppealKind {
    HELP("help"), COMPLAINT("complaint"), REPORT("report"), SUGGESTION("suggestion");

    private final String code;

    AppealKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The message key of its Chinese label. */
    public String labelKey() {
        return "kind." + code;
    }

    public static Optional<AppealKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code)).findFirst();
    }
}
