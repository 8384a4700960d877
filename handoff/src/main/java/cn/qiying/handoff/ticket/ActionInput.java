package cn.qiying.handoff.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** An action's arguments as the caller gave them: a JSON body (REST) or a submitted form (console), read the same way. */
public interface ActionInput {

    /** The text value, or null when absent or blank. */
    String text(String name);

    /** The values of a list field (empty when absent). */
    List<String> list(String name);

    /** true, false, or null when absent or not a yes/no. */
    Boolean yesNo(String name);

    static ActionInput of(JsonNode body) {
        return new ActionInput() {
            public String text(String name) {
                JsonNode v = body == null ? null : body.get(name);
                return v == null || v.isNull() || v.isContainer() || v.asString().isBlank() ? null : v.asString();
            }

            public List<String> list(String name) {
                JsonNode v = body == null ? null : body.get(name);
                List<String> out = new ArrayList<>();
                if (v != null && v.isArray()) {
                    v.forEach(item -> out.add(item.asString()));
                }
                return out;
            }

            public Boolean yesNo(String name) {
                JsonNode v = body == null ? null : body.get(name);
                return v != null && v.isBoolean() ? v.asBoolean() : null;
            }
        };
    }

    /** Form fields by name; blank values count as absent. */
    static ActionInput of(Map<String, List<String>> form) {
        return new ActionInput() {
            public String text(String name) {
                return list(name).stream().findFirst().orElse(null);
            }

            public List<String> list(String name) {
                return form.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            }

            public Boolean yesNo(String name) {
                String v = text(name);
                return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
            }
        };
    }
}
