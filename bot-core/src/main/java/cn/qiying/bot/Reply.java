package cn.qiying.bot;

import java.util.List;

/** What the bot says back, channel-neutral; each channel renders it (WeChat text, numbered lines, links). */
public sealed interface Reply {

    /** Plain text. */
    record Text(String text) implements Reply {
    }

    /** Numbered choices the user answers by number: "1. …", "2. …". */
    record Choices(String intro, List<String> options, String outro) implements Reply {
    }

    /** A link with a title, e.g. the appeal form or a policy's source. */
    record Link(String title, String url) implements Reply {
    }
}
