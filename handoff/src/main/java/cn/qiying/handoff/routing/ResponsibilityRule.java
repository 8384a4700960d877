package cn.qiying.handoff.routing;

import java.util.List;

/** One line of the responsibility list (权责清单): matters of this category or with these words, in these districts, go to the department. */
public record ResponsibilityRule(String department, String category, List<String> keywords, List<String> districts) {

    public ResponsibilityRule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
