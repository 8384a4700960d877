package cn.qiying.handoff.ticket;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every staff action, found as the beans each action declares beside itself, in the console's order. */
@Component
class StaffActions {

    private final Map<String, StaffActionType> byName = new LinkedHashMap<>();

    StaffActions(List<StaffActionType> types) {
        types.stream().sorted(Comparator.comparingInt(StaffActionType::order)).forEach(t -> byName.put(t.name(), t));
    }

    Optional<StaffActionType> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<StaffActionType> all() {
        return List.copyOf(byName.values());
    }

    String names() {
        return String.join(", ", byName.keySet());
    }
}
