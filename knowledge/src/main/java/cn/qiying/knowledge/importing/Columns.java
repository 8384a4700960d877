package cn.qiying.knowledge.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.qiying.knowledge.entry.EntryDraft;

/** A flat row (CSV, xlsx) of CONTRACT.md's columns to a draft; lists split on {@code |}. */
final class Columns {

    static final List<String> NAMES = List.of("id", "question", "similarQuestions", "answer", "category", "department",
            "tags", "sourceUrl", "validFrom", "validTo");

    private Columns() {
    }

    static ParsedRow row(int line, Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        String id = values.get("id");
        String question = values.get("question");
        if ((id == null || id.isBlank()) && question != null && !question.isBlank()) {
            id = generatedId(question);
        }
        LocalDate from = date(values.get("validFrom"), problems);
        LocalDate to = date(values.get("validTo"), problems);
        EntryDraft draft = new EntryDraft(id, question, split(values.get("similarQuestions")),
                values.get("answer"), values.get("category"), values.get("department"), split(values.get("tags")),
                values.get("sourceUrl"), from, to);
        problems.addAll(draft.problems());
        return new ParsedRow(line, draft, problems);
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        // "|" as CONTRACT.md says, its full-width form, or one item per line (a spreadsheet cell)
        return Arrays.stream(joined.split("[|\uFF5C\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * An administrator's file often has no id column: the id is made from the question, so importing the same file
     * again replaces its entries instead of doubling them.
     */
    static String generatedId(String question) {
        return "kb-" + java.util.UUID.nameUUIDFromBytes(question.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().substring(0, 13).replace("-", "");
    }

    /** The header row's cells as fields (unknown columns null). */
    static List<String> fields(List<String> header) {
        return header.stream().map(Headers::field).toList();
    }

    static LocalDate date(String text, List<String> problems) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("null")) {
            return null;
        }
        try {
            String t = text.strip();
            return LocalDate.parse(t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) : t.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add("knowledge.import.date-invalid");
            return null;
        }
    }
}
