package cn.qiying.handoff.ticket;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 简单 / 一般 / 复杂 / 重大: decided at triage; a major matter is always supervised. */
public enum Complexity {
    SIMPLE, GENERAL, COMPLEX, MAJOR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Complexity parse(String value) {
        if (value != null) {
            for (Complexity c : values()) {
                if (c.name().equalsIgnoreCase(value.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("复杂程度只能是 simple、general、complex 或 major");
    }
}
