package cn.qiying.policy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

import cn.qiying.platform.web.WebEdge;

/**
 * A CONTRACT.md body of "one or an array": the items read as drafts (null where an item is no object or has a field
 * of the wrong type, so it is refused in its place rather than failing the whole request).
 */
@WebEdge
public record RequestItems<T>(boolean single, List<T> items) {

    public static <T> RequestItems<T> of(JsonNode body, Class<T> type, int max, Wording wording) {
        if (!body.isArray()) {
            return new RequestItems<>(true, java.util.Collections.singletonList(item(body, type)));
        }
        if (body.size() > max) {
            throw PolicyProblem.of(HttpStatus.CONTENT_TOO_LARGE, wording.text("policy.request.too-many", max));
        }
        List<T> items = new ArrayList<>(body.size());
        body.forEach(node -> items.add(item(node, type)));
        return new RequestItems<>(false, items);
    }

    /** The single item, refused with its problems (a 400 problem) unless {@code problems} finds none. */
    public T checkedSingle(java.util.function.Function<T, List<Problem>> problems, String emptyKey, Wording wording) {
        T item = items.get(0);
        List<Problem> found = item == null ? List.of(Problem.of("", emptyKey)) : problems.apply(item);
        if (!found.isEmpty()) {
            throw PolicyProblem.invalid(found, wording);
        }
        return item;
    }

    private static <T> T item(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
