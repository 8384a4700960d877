package cn.qiying.handoff.ticket;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The stored form of a ticket: its fields as JSON (not its getters), absent values left out to save memory. */
final class TicketJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .withVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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
     * (about a tenth of a ticket's memory) and reading puts them back. Path in the document → hash field.
     */
    static final Map<String, String> IN_HASH = Map.of("description", "text", "district", "district", "category", "category",
            "enterprise.name", "enterprise", "enterprise.uscc", "uscc", "source.channel", "channel", "source.appId", "appId",
            "source.openId", "openId");

    /** The document without what the ticket's hash already holds (see {@link #IN_HASH}). */
    static String writeStored(Ticket ticket) {
        ObjectNode tree = MAPPER.valueToTree(ticket);
        IN_HASH.keySet().forEach(path -> {
            ObjectNode parent = parent(tree, path);
            if (parent != null) {
                parent.remove(leaf(path));
            }
        });
        return MAPPER.writeValueAsString(tree);
    }

    /** A stored document made whole again with the hash's fields (older documents carry their own). */
    static Ticket readStored(String json, Map<String, String> hash) {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
        IN_HASH.forEach((path, field) -> {
            String value = hash.get(field);
            ObjectNode parent = parent(tree, path);
            if (parent != null && value != null && !value.isEmpty() && !parent.has(leaf(path))) {
                parent.put(leaf(path), value);
            }
        });
        return MAPPER.treeToValue(tree, Ticket.class);
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
