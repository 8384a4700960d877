package cn.qiying.handoff.ticket;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.qiying.platform.names.EnumNames;

/** 咨询, 求助, 投诉, 举报, 建议 */
public enum Kind {
    ENQUIRY, HELP, COMPLAINT, REPORT, SUGGESTION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> find(String value) {
        return EnumNames.find(Kind.class, value);
    }

    @JsonCreator
    public static Kind parse(String value) {
        return EnumNames.parse(Kind.class, value);
    }
}
