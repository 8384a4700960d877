package cn.qiying.policy.library;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.qiying.platform.search.QuerySyntax;
import cn.qiying.platform.time.ClockConfiguration;

/**
 * Finding policies (the hall, the staff list): Chinese full text over title, summary and full text, with the user's
 * words reduced to words and filter values escaped, so no input is read as query syntax.
 */
@Service
public class PolicySearch {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 500;

    private final PolicyStore store;
    private final Clock clock;

    PolicySearch(PolicyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param inForce only policies in force today */
    public record Query(String words, String topic, String department, boolean inForce) {
    }

    public record Found(long total, List<Policy> policies) {
    }

    public Found find(Query q, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = Math.max(0, Math.min(page, MAX_PAGE)) * limit;
        String words = QuerySyntax.words(q.words());
        PolicyStore.Page found = store.search(query(q, words), !words.isEmpty(), offset, limit);
        return new Found(found.total(), found.policies());
    }

    /** Every policy in force today (matching them against one enterprise). */
    public List<Policy> inForce() {
        return store.all(PolicyStore.inForceOn(today().toEpochDay()));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI));
    }

    private String query(Query q, String words) {
        List<String> parts = new ArrayList<>();
        if (!words.isEmpty()) {
            parts.add("(" + words + ")");
        }
        if (q.topic() != null && !q.topic().isBlank()) {
            parts.add("@topics:{" + QuerySyntax.tag(q.topic().strip()) + "}");
        }
        if (q.department() != null && !q.department().isBlank()) {
            parts.add("@department:{" + QuerySyntax.tag(q.department().strip()) + "}");
        }
        if (q.inForce()) {
            parts.add(PolicyStore.inForceOn(today().toEpochDay()));
        }
        return parts.isEmpty() ? "*" : String.join(" ", parts);
    }
}
