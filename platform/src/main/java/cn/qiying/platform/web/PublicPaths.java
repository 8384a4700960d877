package cn.qiying.platform.web;

import java.util.List;

/**
 * Paths a module serves without a staff login (WeChat callbacks, the card landing page, health, API docs).
 * Each module declares its own as a bean; the staff security chain permits all of them.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
