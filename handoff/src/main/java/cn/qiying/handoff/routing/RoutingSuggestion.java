package cn.qiying.handoff.routing;

/** The department the responsibility list suggests, with a confidence in [0, 1]; the operator confirms or overrides. */
public record RoutingSuggestion(String department, double confidence, String reason) {

    public static final RoutingSuggestion NONE = new RoutingSuggestion(null, 0, "no rule matched");
}
