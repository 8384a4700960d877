package cn.qiying.knowledge.importing;

import java.util.ArrayList;
import java.util.List;

import cn.qiying.knowledge.entry.EntryDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A JSON array of entries, or JSON Lines (one entry per line); each entry reported at the line where it starts. */
final class JsonRows {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonRows() {
    }

    static List<ParsedRow> array(String text) {
        List<ParsedRow> rows = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                rows.add(new ParsedRow(1, null, List.of("knowledge.import.json-unreadable")));
                return rows;
            }
            int line = 1;
            try {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    line = parser.currentTokenLocation().getLineNr();
                    JsonNode node = parser.readValueAsTree();
                    rows.add(row(line, node));
                }
            } catch (JacksonException e) {
                // after a syntax error the rest of the array cannot be read reliably: report where it broke
                int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                rows.add(new ParsedRow(at, null, List.of("knowledge.import.json-unreadable")));
            }
        } catch (JacksonException e) {
            rows.add(new ParsedRow(1, null, List.of("knowledge.import.json-unreadable")));
        }
        return rows;
    }

    static List<ParsedRow> lines(String text) {
        List<ParsedRow> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                rows.add(row(i + 1, MAPPER.readTree(line)));
            } catch (JacksonException e) {
                rows.add(new ParsedRow(i + 1, null, List.of("knowledge.import.json-unreadable")));
            }
        }
        return rows;
    }

    static ParsedRow row(int line, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ParsedRow(line, null, List.of("knowledge.import.not-an-object"));
        }
        List<String> problems = new ArrayList<>();
        EntryDraft draft = new EntryDraft(text(node, "id", problems), text(node, "question", problems),
                list(node, "similarQuestions", problems), text(node, "answer", problems),
                text(node, "category", problems), text(node, "department", problems), list(node, "tags", problems),
                text(node, "sourceUrl", problems), Columns.date(text(node, "validFrom", problems), problems),
                Columns.date(text(node, "validTo", problems), problems));
        problems.addAll(draft.problems());
        return new ParsedRow(line, draft, problems.stream().distinct().toList());
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isNumber()) {
            return value.asString();
        }
        problems.add("knowledge.import.field-not-text");
        return null;
    }

    private static List<String> list(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return Columns.split(value.asString());
        }
        if (!value.isArray()) {
            problems.add("knowledge.import.field-not-list");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isString()) {
                items.add(item.asString());
            } else {
                problems.add("knowledge.import.field-not-list");
            }
        }
        return items;
    }
}
