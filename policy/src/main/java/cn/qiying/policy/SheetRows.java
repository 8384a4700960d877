package cn.qiying.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.tabular.Table;
import cn.qiying.platform.tabular.Tables;

/**
 * The first sheet of an Excel workbook as rows of named cells (read by platform's {@link Tables}): the header row's texts name the columns, and
 * {@code columns} maps those header texts (Chinese, from the bundle) to field names. Blank rows are skipped; dates
 * read as ISO dates.
 */
public final class SheetRows {

    /** The most rows one import reads: a larger sheet is refused, not cut. */
    public static final int MAX_ROWS = 100_000;

    private SheetRows() {
    }

    /** One data row: its number in the sheet (from 1, as Excel shows it) and its values by field name. */
    public record SheetRow(int line, Map<String, String> values) {

        public String get(String field) {
            String v = values.get(field);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** The rows read, or the key of the problem that kept the sheet from being read. */
    public record Sheet(List<SheetRow> rows, String problem) {

        static Sheet failed(String problem) {
            return new Sheet(List.of(), problem);
        }
    }

    /** The rows of the workbook's first sheet (platform's one table reader), or why there are none to read. */
    public static Sheet read(byte[] bytes, Map<String, String> columns) {
        Outcome<Table> read = Tables.read(bytes, Tables.Format.XLSX, MAX_ROWS);
        if (!read.isDone()) {
            return Sheet.failed(read.refusal().messageKey());
        }
        Table table = read.orElseThrow(r -> new IllegalStateException(r.messageKey()));
        List<String> fields = table.headers().stream().map(h -> columns.get(h.strip())).toList();
        if (fields.stream().allMatch(f -> f == null)) {
            return Sheet.failed("policy.import.no-columns");
        }
        List<SheetRow> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    values.put(fields.get(i), row.cell(i));
                }
            }
            if (values.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                rows.add(new SheetRow(row.number(), values));
            }
        }
        return new Sheet(rows, null);
    }

    /** Values of a list cell, split on the separators people type. */
    public static List<String> list(String cell) {
        return Tables.list(cell);
    }
}
