package cn.qiying.knowledge.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.tabular.Table;
import cn.qiying.platform.tabular.Tables;

/** A CSV or Excel file of entries: a header row (CONTRACT.md's names or the Chinese headers), one entry per row. */
final class TableRows {

    /** Yantai's base holds 38,000 entries; a file several times that is refused, not cut. */
    static final int MAX_ROWS = 200_000;

    private TableRows() {
    }

    static List<ParsedRow> parse(byte[] bytes, Tables.Format format) {
        List<ParsedRow> rows = new ArrayList<>();
        Outcome<Table> read = Tables.read(bytes, format, MAX_ROWS);
        if (!read.isDone()) {
            rows.add(new ParsedRow(0, null, List.of(read.refusal().messageKey())));
            return rows;
        }
        Table table = read.orElseThrow(r -> new IllegalStateException(r.messageKey()));
        List<String> header = Columns.fields(table.headers());
        if (!header.contains("question")) {
            rows.add(new ParsedRow(1, null, List.of("knowledge.import.header-missing")));
            return rows;
        }
        for (Table.Row r : table.rows()) {
            if (format == Tables.Format.CSV && r.cells().size() > header.size()) {
                rows.add(new ParsedRow(r.number(), null, List.of("knowledge.import.too-many-columns")));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), r.cells().size()); i++) {
                if (header.get(i) != null) {
                    values.put(header.get(i), r.cell(i));
                }
            }
            rows.add(Columns.row(r.number(), values));
        }
        return rows;
    }
}
