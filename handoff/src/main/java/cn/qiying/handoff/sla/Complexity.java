package cn.qiying.handoff.sla;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.qiying.platform.names.EnumNames;

/** 简单 / 一般 / 复杂 / 重大 (labels in the bundle, {@code ticket.complexity.*}): decided at triage; a major matter is always supervised. */
public enum Complexity {
    SIMPLE, GENERAL, COMPLEX, MAJOR;

    @JsonValue
    public String json() {
        return EnumNames.json(this);
    }

    public static Optional<Complexity> find(String value) {
        return EnumNames.find(Complexity.class, value);
    }

    @JsonCreator
    public static Complexity parse(String value) {
        return EnumNames.parse(Complexity.class, value);
    }
}
