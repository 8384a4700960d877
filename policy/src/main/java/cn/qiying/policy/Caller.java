package cn.qiying.policy;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffPrincipal;

/** The staff user behind the current request, as an actor of the desk (empty for anyone else). */
public final class Caller {

    private Caller() {
    }

    public static Optional<Actor> staff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && !staff.actor().roles().isEmpty()) {
            return Optional.of(staff.actor());
        }
        return Optional.empty();
    }

    /** The caller's name for records ("who pushed"), or {@code system}. */
    public static String name() {
        return staff().map(Actor::name).orElse(Actor.SYSTEM.name());
    }
}
