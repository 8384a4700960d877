package cn.qiying.handoff.staff;

import java.io.Serializable;
import java.util.Set;

/** Who performs an action: a staff user (with roles and, for handlers, a department), the enterprise, or the system. */
public record Actor(String name, Set<StaffRole> roles, String department) implements Serializable {

    public static final Actor SYSTEM = new Actor("system", Set.of(), null);
    /** The enterprise itself (rating its ticket); who it is, is checked by the action. */
    public static final Actor ENTERPRISE = new Actor("enterprise", Set.of(), null);

    public boolean is(StaffRole role) {
        return roles.contains(role);
    }

    /** The enterprise service centre: triages, assigns, reviews, reopens and closes. */
    public boolean isCentre() {
        return is(StaffRole.ADMIN) || is(StaffRole.OPERATOR);
    }

    /** Sees every ticket (everyone but a department handler). */
    public boolean seesAll() {
        return is(StaffRole.ADMIN) || is(StaffRole.OPERATOR) || is(StaffRole.SUPERVISOR);
    }
}
