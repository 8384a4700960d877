package cn.qiying.handoff.staff;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in staff user as Spring Security sees it; carries the {@link Actor} the domain needs. It is kept in the
 * console session in Redis, so the bcrypt hash it is checked against is erased once the login succeeded.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final Actor actor;
    private String passwordHash;

    StaffPrincipal(StaffUser user) {
        this.username = user.username();
        this.actor = user.actor();
        this.passwordHash = user.passwordHash();
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
