package cn.qiying.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** Answer outright, offer the top questions as numbered choices, or admit there is no answer (offer a human or an appeal). */
public enum Decision {
    ANSWER, SUGGEST, NONE;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
