package cn.qiying.platform.tabular;

import java.util.List;

/**
 * A spreadsheet or CSV file as people send it: the header row's texts and the data rows after it, each with its
 * number as the file shows it (from 1; the header is row 1). Blank rows are left out.
 */
public record Table(List<String> headers, List<Row> rows) {

    public record Row(int number, List<String> cells) {

        /** The cell under a column, or "" past the row's end. */
        public String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }
    }

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
