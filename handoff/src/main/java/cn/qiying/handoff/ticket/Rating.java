package cn.qiying.handoff.ticket;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.qiying.platform.names.EnumNames;

/** 好差评: satisfied, basically satisfied, unsatisfied (labels {@code ticket.rating.*}); 1-5 stars map onto them. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    @JsonValue
    public String json() {
        return EnumNames.json(this);
    }

    public static Optional<Rating> find(String value) {
        return EnumNames.find(Rating.class, value);
    }

    @JsonCreator
    public static Rating parse(String value) {
        return EnumNames.parse(Rating.class, value);
    }

    /** 5 and 4 stars are satisfied, 3 basically satisfied, 2 and 1 unsatisfied; empty outside 1-5. */
    public static Optional<Rating> ofStars(int stars) {
        if (stars < 1 || stars > 5) {
            return Optional.empty();
        }
        return Optional.of(stars >= 4 ? SATISFIED : stars == 3 ? BASICALLY_SATISFIED : UNSATISFIED);
    }
}
