package cn.qiying.handoff.staff;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.web.RefusedException;

/** The staff user calling the API, as an actor of the domain (for controllers: a refusal here is a 403). */
public final class StaffCaller {

    private StaffCaller() {
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && !staff.actor().roles().isEmpty()) {
            return staff.actor();
        }
        throw new RefusedException(Refusal.notAllowed("staff.refusal.not-staff"));
    }

    public static Actor requireAny(StaffRole... roles) {
        Actor actor = current();
        for (StaffRole role : roles) {
            if (actor.is(role)) {
                return actor;
            }
        }
        throw new RefusedException(Refusal.notAllowed("staff.refusal.role"));
    }
}
