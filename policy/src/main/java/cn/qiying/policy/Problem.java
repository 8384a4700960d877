package cn.qiying.policy;

import java.util.List;

/**
 * What is wrong with one field of an input, as a key of {@code messages/policy.properties} and its arguments: domain
 * code returns these, the edge turns them into Chinese sentences.
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }

    /** The sentence; a list argument is joined with the bundle's list separator. */
    public String text(Wording wording) {
        Object[] values = args.stream().map(a -> a instanceof java.util.Collection<?> c
                ? String.join(wording.text("policy.separator.list"), c.stream().map(String::valueOf).toList()) : a).toArray();
        return wording.text(key, values);
    }
}
