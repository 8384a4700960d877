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
        LocalDate from = date(values.get("validFrom"), problems);
        LocalDate to = date(values.get("validTo"), problems);
        EntryDraft draft = new EntryDraft(values.get("id"), values.get("question"), split(values.get("similarQuestions")),
                values.get("answer"), values.get("category"), values.get("department"), split(values.get("tags")),
                values.get("sourceUrl"), from, to);
        problems.addAll(draft.problems());
        return new ParsedRow(line, draft, problems);
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
