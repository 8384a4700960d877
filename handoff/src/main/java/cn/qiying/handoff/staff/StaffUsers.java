package cn.qiying.handoff.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.platform.redis.Keys;

/** Staff accounts in the hash {@code qiying:staff-users} (username → JSON with a bcrypt hash). */
@Component
public class StaffUsers {

    static final String KEY = Keys.of("staff-users");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;
    private final PasswordEncoder encoder;

    StaffUsers(UnifiedJedis redis, PasswordEncoder encoder) {
        this.redis = redis;
        this.encoder = encoder;
    }

    static final String USERNAME = "[A-Za-z0-9._-]{2,40}";

    /** Creates or replaces an account, hashing the password ({@link StaffAccounts} checks what people type). */
    public StaffUser save(String username, String displayName, String password, Set<StaffRole> roles, String department) {
        if (username == null || !username.matches(USERNAME) || roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs a username and a role: " + username);
        }
        StaffUser user = new StaffUser(username, displayName, encoder.encode(password), roles, department);
        redis.hset(KEY, username, JSON.writeValueAsString(user));
        return user;
    }

    /** Creates the account only when it does not exist yet (first start). */
    public boolean createIfAbsent(String username, String displayName, String password, Set<StaffRole> roles, String department) {
        StaffUser user = new StaffUser(username, displayName, encoder.encode(password), roles, department);
        return redis.hsetnx(KEY, username, JSON.writeValueAsString(user)) == 1;
    }

    public Optional<StaffUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(KEY, username)).map(json -> JSON.readValue(json, StaffUser.class));
    }

    public List<StaffUser> all() {
        return redis.hgetAll(KEY).values().stream().map(json -> JSON.readValue(json, StaffUser.class))
                .sorted(Comparator.comparing(StaffUser::username)).toList();
    }
}
