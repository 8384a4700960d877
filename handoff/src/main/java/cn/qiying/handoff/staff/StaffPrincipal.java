package cn.qiying.handoff.staff;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in staff user as Spring Security sees it; carries the {@link Actor} the domain needs. */
public final class StaffPrincipal implements UserDetails {

    private final StaffUser user;

    StaffPrincipal(StaffUser user) {
        this.user = user;
    }

    public Actor actor() {
        return user.actor();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
