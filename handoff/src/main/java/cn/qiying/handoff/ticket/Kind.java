package cn.qiying.handoff.ticket;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 咨询, 求助, 投诉, 举报, 建议 */
public enum Kind {
    ENQUIRY, HELP, COMPLAINT, REPORT, SUGGESTION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind parse(String value) {
        if (value != null) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("诉求类型只能是 enquiry、help、complaint、report 或 suggestion");
    }
}
