package cn.qiying.handoff.ticket;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a ticket: its fields (not its getters), absent values left out. The stored form is smaller still (a
 * million tickets must fit in 3 GB): instants as epoch milliseconds, empty lists and all-default values (no flags, zero
 * counters) left out, and what the ticket's hash holds as indexed fields not repeated. Documents stored before any of
 * this (ISO instants, every field) still read.
 */
final class TicketJson {

    private static final JsonInclude.Value NON_NULL =
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
    private static final JsonMapper MAPPER = mapper(false);
    private static final JsonMapper STORED = mapper(true);

    private static JsonMapper mapper(boolean epochMillis) {
        return JsonMapper.builder()
                .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                        .withVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY))
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(
                        epochMillis ? JsonInclude.Include.NON_DEFAULT : JsonInclude.Include.NON_NULL))
                // an empty text and a confidence of 0.0 are values, not absences
                .withConfigOverride(String.class, o -> o.setInclude(NON_NULL))
                .withConfigOverride(Double.class, o -> o.setInclude(NON_NULL))
                .configure(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, epochMillis)
                .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a false or zero left out of the stored form reads back as false or zero
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private TicketJson() {
    }

    static String write(Ticket ticket) {
        return MAPPER.writeValueAsString(ticket);
    }

    static Ticket read(String json) {
        return MAPPER.readValue(json, Ticket.class);
    }

    /**
     * Fields of the document that the ticket's hash also holds, as indexed fields: the document leaves them out
     * and reading puts them back. Path in the document → hash field.
     */
    static final Map<String, String> IN_HASH = Map.ofEntries(Map.entry("description", "text"),
            Map.entry("district", "district"), Map.entry("category", "category"), Map.entry("enterprise.name", "enterprise"),
            Map.entry("enterprise.uscc", "uscc"), Map.entry("source.channel", "channel"), Map.entry("source.appId", "appId"),
            Map.entry("source.openId", "openId"), Map.entry("version", "version"), Map.entry("status", "status"),
            Map.entry("kind", "kind"), Map.entry("complexity", "complexity"), Map.entry("department", "lead"),
            Map.entry("receivedAt", "receivedAt"));

    /** Hash fields that hold numbers (epoch milliseconds for instants). */
    private static final Set<String> NUMERIC = Set.of("version", "receivedAt");
    /** Hash fields that hold an enum's name, which the JSON writes in lower case. */
    private static final Set<String> ENUMS = Set.of("status", "kind", "complexity");

    /** The document without what the ticket's hash already holds (see {@link #IN_HASH}). */
    static String writeStored(Ticket ticket) {
        ObjectNode tree = STORED.valueToTree(ticket);
        IN_HASH.keySet().forEach(path -> {
            ObjectNode parent = parent(tree, path);
            if (parent != null) {
                parent.remove(leaf(path));
            }
        });
        pruneEmpty(tree);
        return STORED.writeValueAsString(tree);
    }

    /** A stored document made whole again with the hash's fields (older documents carry their own). */
    static Ticket readStored(String json, Map<String, String> hash) {
        ObjectNode tree = (ObjectNode) STORED.readTree(json);
        IN_HASH.forEach((path, field) -> {
            String value = hash.get(field);
            if (value == null || value.isEmpty()) {
                return;
            }
            ObjectNode parent = parent(tree, path);
            if (parent == null && path.indexOf('.') > 0) {
                parent = tree.putObject(path.substring(0, path.indexOf('.')));
            }
            if (parent != null && !parent.has(leaf(path))) {
                if (NUMERIC.contains(field)) {
                    parent.put(leaf(path), Long.parseLong(value));
                } else if (ENUMS.contains(field)) {
                    parent.put(leaf(path), value.toLowerCase(Locale.ROOT));
                } else {
                    parent.put(leaf(path), value);
                }
            }
        });
        return STORED.treeToValue(tree, Ticket.class);
    }

    /** Objects and arrays left empty (no flags set, no attachments) go: reading gives the ticket's defaults back. */
    private static void pruneEmpty(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            if (value instanceof ObjectNode inner) {
                pruneEmpty(inner);
            }
            if ((value.isObject() || value.isArray()) && value.isEmpty()) {
                fields.remove();
            }
        }
    }

    private static ObjectNode parent(ObjectNode tree, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return tree;
        }
        return tree.get(path.substring(0, dot)) instanceof ObjectNode inner ? inner : null;
    }

    private static String leaf(String path) {
        return path.substring(path.indexOf('.') + 1);
    }
}
