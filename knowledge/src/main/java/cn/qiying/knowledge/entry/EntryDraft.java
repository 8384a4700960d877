package cn.qiying.knowledge.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An entry as staff write it (CONTRACT.md's import format), before it is checked and embedded. */
public record EntryDraft(String id, String question, List<String> similarQuestions, String answer, String category,
        String department, List<String> tags, String sourceUrl, LocalDate validFrom, LocalDate validTo) {

    static final int MAX_ID = 64;
    static final int MAX_QUESTION = 200;
    static final int MAX_ANSWER = 5000;

    public EntryDraft {
        id = trim(id);
        question = trim(question);
        answer = trim(answer);
        category = trim(category);
        department = trim(department);
        sourceUrl = trim(sourceUrl);
        similarQuestions = clean(similarQuestions);
        tags = clean(tags);
    }

    /** Message keys (messages/knowledge) of what is wrong with this draft; empty when it can be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null) {
            problems.add("knowledge.import.id-missing");
        } else if (id.length() > MAX_ID || !id.matches("[A-Za-z0-9._-]+")) {
            problems.add("knowledge.import.id-invalid");
        }
        if (question == null) {
            problems.add("knowledge.import.question-missing");
        } else if (question.length() > MAX_QUESTION) {
            problems.add("knowledge.import.question-too-long");
        }
        if (answer == null) {
            problems.add("knowledge.import.answer-missing");
        } else if (answer.length() > MAX_ANSWER) {
            problems.add("knowledge.import.answer-too-long");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            problems.add("knowledge.import.validity-reversed");
        }
        if (sourceUrl != null && !sourceUrl.matches("(?i)https?://\\S+")) {
            problems.add("knowledge.import.source-url-invalid");
        }
        return problems;
    }

    /** The question first, then each distinct similar question: the texts that are embedded. */
    public List<String> phrasings() {
        List<String> phrasings = new ArrayList<>();
        phrasings.add(question);
        similarQuestions.stream().filter(q -> !phrasings.contains(q)).forEach(phrasings::add);
        return phrasings;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(EntryDraft::trim).filter(v -> v != null).distinct().toList();
    }
}
