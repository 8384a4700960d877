package cn.qiying.bot;

import java.util.List;

/** What the bot says back, channel-neutral; each channel renders it (WeChat text, numbered lines, links). */
public sealed interface Reply {

    /** The reply as plain text, as a text-only channel or the staff's transcript shows it. */
    String asText();

    /** Plain text. */
    record Text(String text) implements Reply {

        @Override
        public String asText() {
            return text;
        }
    }

    /** Numbered choices the user answers by number: "1. …", "2. …". */
    record Choices(String intro, List<String> options, String outro) implements Reply {

        @Override
        public String asText() {
            StringBuilder text = new StringBuilder(intro == null ? "" : intro);
            for (int i = 0; i < options.size(); i++) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(i + 1).append(". ").append(options.get(i));
            }
            if (outro != null && !outro.isEmpty()) {
                text.append('\n').append(outro);
            }
            return text.toString();
        }
    }

    /** A link with a title, e.g. the appeal form or a policy's source. */
    record Link(String title, String url) implements Reply {

        @Override
        public String asText() {
            return title + " " + url;
        }
    }
}
