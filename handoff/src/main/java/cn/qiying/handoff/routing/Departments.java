package cn.qiying.handoff.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Departments in the hash {@code qiying:departments} (id → JSON); a few dozen, read whole. */
@Component
public class Departments {

    static final String KEY = Keys.of("departments");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;

    Departments(UnifiedJedis redis) {
        this.redis = redis;
    }

    public void save(Department department) {
        if (department.id() == null || !department.id().matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("部门编号只能包含小写字母、数字和连字符: " + department.id());
        }
        redis.hset(KEY, department.id(), JSON.writeValueAsString(department));
    }

    public List<Department> all() {
        return redis.hgetAll(KEY).values().stream().map(json -> JSON.readValue(json, Department.class))
                .sorted(Comparator.comparing(Department::id)).toList();
    }

    public Optional<Department> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.hget(KEY, id)).map(json -> JSON.readValue(json, Department.class));
    }

    /** By id, else by exact name (a service card or an operator may name it). */
    public Optional<Department> resolve(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = idOrName.trim();
        return find(wanted).or(() -> all().stream().filter(d -> d.name().equals(wanted)).findFirst());
    }

    public String nameOf(String id) {
        return find(id).map(Department::name).orElse(id);
    }
}
