package cn.qiying.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an upsert or an import did: how many were written, and each item refused with where it was (index in the
 * array from 0, or the spreadsheet row from 1) and its problems.
 */
public record UpsertReport(int received, int saved, List<Refused> refused) {

    public record Refused(int at, String id, List<Problem> problems) {
    }

    /** As the REST API answers it: the problems in Chinese. */
    public Map<String, Object> view(Wording wording) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("received", received);
        view.put("saved", saved);
        view.put("refused", refused.stream().map(r -> Map.of("at", r.at(), "id", r.id() == null ? "" : r.id(),
                "problems", r.problems().stream().map(p -> p.text(wording)).toList())).toList());
        return view;
    }
}
