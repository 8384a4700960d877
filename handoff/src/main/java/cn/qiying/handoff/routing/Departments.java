package cn.qiying.handoff.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** Departments in the hash {@code qiying:departments} (id → JSON); a few dozen, read whole. */
@Component
public class Departments {

    static final String KEY = Keys.of("departments");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;

    Departments(UnifiedJedis redis) {
        this.redis = redis;
    }

    static final String ID = "[a-z0-9-]{1,40}";
    static final int MAX_NAME = 60;

    /** Saves (or replaces) a department, or says what is wrong with it. */
    public Outcome<Department> save(Department department) {
        List<Refusal> problems = new ArrayList<>();
        if (department.id() == null || !department.id().matches(ID)) {
            problems.add(Refusal.invalid("routing.refusal.department-id"));
        }
        if (department.name() == null || department.name().isBlank() || department.name().length() > MAX_NAME) {
            problems.add(Refusal.invalid("routing.refusal.department-name", MAX_NAME));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.of(problems));
        }
        redis.hset(KEY, department.id(), JSON.writeValueAsString(department));
        return Outcome.done(department);
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
