package cn.qiying.knowledge.system;

import java.security.Principal;

/** Who made a change: the logged-in staff user, or "staff" where no login is configured (module tests). */
public final class Staff {

    private Staff() {
    }

    public static String name(Principal principal) {
        return principal == null || principal.getName() == null ? "staff" : principal.getName();
    }
}
