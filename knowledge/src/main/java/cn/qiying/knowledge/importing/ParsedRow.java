package cn.qiying.knowledge.importing;

import java.util.List;

import cn.qiying.knowledge.entry.EntryDraft;

/**
 * One row of an import file: the draft read from it (null when unreadable) and the message keys of what is wrong.
 *
 * @param line the 1-based line (JSON Lines, JSON array, CSV) or row (xlsx) where the entry starts
 */
record ParsedRow(int line, EntryDraft draft, List<String> problems) {

    ParsedRow {
        problems = List.copyOf(problems);
    }

    boolean ok() {
        return draft != null && problems.isEmpty();
    }
}
