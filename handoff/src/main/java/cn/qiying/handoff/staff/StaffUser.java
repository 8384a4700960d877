package cn.qiying.handoff.staff;

import java.util.Set;

/** A staff account; {@code passwordHash} is bcrypt, {@code department} is set for handlers. */
public record StaffUser(String username, String displayName, String passwordHash, Set<StaffRole> roles, String department) {

    public StaffUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Actor actor() {
        return new Actor(username, roles, department);
    }
}
