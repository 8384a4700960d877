package cn.qiying.knowledge;

import java.util.List;

/** The decision with the entries it rests on, ranked best first (at most about five). */
public record Answer(Decision decision, List<Hit> hits) {

    public Answer {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /** The entry to answer with when the decision is {@link Decision#ANSWER}; otherwise the best candidate or null. */
    public Hit best() {
        return hits.isEmpty() ? null : hits.get(0);
    }
}
