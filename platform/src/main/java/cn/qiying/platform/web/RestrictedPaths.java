package cn.qiying.platform.web;

import java.util.List;
import java.util.stream.Stream;

/**
 * Paths a module serves only to some staff roles (named as the staff roles are: ADMIN, OPERATOR, SUPERVISOR, HANDLER):
 * {@code everything} for any method, {@code writes} for POST, PUT, PATCH and DELETE only (reading stays open to all
 * staff). Each module declares its own as a bean; the staff security chain enforces them before the controllers run.
 */
public record RestrictedPaths(List<String> roles, List<String> everything, List<String> writes) {

    public RestrictedPaths {
        roles = List.copyOf(roles);
        everything = List.copyOf(everything);
        writes = List.copyOf(writes);
    }

    public static RestrictedPaths to(String... roles) {
        return new RestrictedPaths(List.of(roles), List.of(), List.of());
    }

    public RestrictedPaths everything(String... patterns) {
        return new RestrictedPaths(roles, Stream.concat(everything.stream(), Stream.of(patterns)).toList(), writes);
    }

    public RestrictedPaths writes(String... patterns) {
        return new RestrictedPaths(roles, everything, Stream.concat(writes.stream(), Stream.of(patterns)).toList());
    }
}
