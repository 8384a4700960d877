package cn.qiying.handoff.appeal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 好差评: satisfied, basically satisfied, unsatisfied; 1-5 stars map onto them. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Rating parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("评价不能为空");
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (Rating rating : values()) {
            if (rating.name().equals(v)) {
                return rating;
            }
        }
        throw new IllegalArgumentException("评价只能是 satisfied、basically_satisfied 或 unsatisfied");
    }

    /** 5 and 4 stars are satisfied, 3 basically satisfied, 2 and 1 unsatisfied. */
    public static Rating ofStars(int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("星级应为 1 到 5");
        }
        return stars >= 4 ? SATISFIED : stars == 3 ? BASICALLY_SATISFIED : UNSATISFIED;
    }
}
