package cn.qiying.handoff.staff;

import java.io.Serializable;
import java.util.Set;

/** Who performs an action: a staff user (with roles and, for handlers, a department), the enterprise, or the system. */
public record Actor(String name, Set<StaffRole> roles, String department) implements Serializable {

    public static final Actor SYSTEM = new Actor("system", Set.of(), null);

    public static Actor enterprise(String openId) {
        return new Actor("enterprise", Set.of(), null);
    }

    public boolean is(StaffRole role) {
        return roles.contains(role);
    }

    /** Sees every ticket (everyone but a department handler). */
    public boolean seesAll() {
        return is(StaffRole.ADMIN) || is(StaffRole.OPERATOR) || is(StaffRole.SUPERVISOR);
    }
}
