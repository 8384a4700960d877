package cn.qiying.platform.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/**
 * Reads the tables administrators bring: Excel {@code .xlsx} (the first sheet; dates as ISO dates) or CSV (RFC 4180:
 * quoted fields, doubled quotes, line breaks inside quotes) in UTF-8 with or without a BOM, or GB18030 as Excel saves a
 * Chinese CSV. One reader for knowledge, departments, staff, enterprises and policies.
 */
public final class Tables {

    public enum Format {
        CSV, XLSX;

        /** By the file's name (.xlsx or anything else as CSV), or by its first bytes when the name says nothing. */
        public static Format of(String fileName, byte[] bytes) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx") || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K')) {
                return XLSX;
            }
            return CSV;
        }
    }

    private Tables() {
    }

    /** The table, or why it cannot be read ({@code platform.table.*}): empty, unreadable, or more rows than allowed. */
    public static Outcome<Table> read(byte[] bytes, Format format, int maxRows) {
        if (bytes == null || bytes.length == 0) {
            return Outcome.refused(Refusal.invalid("platform.table.empty"));
        }
        Outcome<List<Table.Row>> read = format == Format.XLSX ? sheet(bytes, maxRows) : Outcome.done(csv(decode(bytes)));
        if (!read.isDone()) {
            return Outcome.refused(read.refusal());
        }
        List<Table.Row> rows = read.orElseThrow(r -> new IllegalStateException()).stream().filter(r -> r.cells().stream().anyMatch(c -> c != null && !c.isBlank())).toList();
        if (rows.isEmpty()) {
            return Outcome.refused(Refusal.invalid("platform.table.empty"));
        }
        if (rows.size() - 1 > maxRows) {
            return Outcome.refused(Refusal.invalid("platform.table.too-many-rows", maxRows));
        }
        List<String> headers = rows.get(0).cells().stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").strip()).toList();
        return Outcome.done(new Table(headers, rows.subList(1, rows.size())));
    }

    /** A CSV file's text: UTF-8 (with or without a BOM) when it decodes as such, otherwise GB18030 (Excel's Chinese CSV). */
    public static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("GB18030"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Values of a list cell, split on the separators people type: | , ; line breaks and their full-width forms. */
    public static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|,;\\n\uFF0C\u3001\uFF1B]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Outcome<List<Table.Row>> sheet(byte[] bytes, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() - sheet.getFirstRowNum() > maxRows + 1) {
                return Outcome.refused(Refusal.invalid("platform.table.too-many-rows", maxRows)); // without reading it all
            }
            List<Table.Row> rows = new ArrayList<>();
            DataFormatter formatter = new DataFormatter();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, formatter));
                }
                rows.add(new Table.Row(row.getRowNum() + 1, cells));
            }
            return Outcome.done(rows);
        } catch (IOException | RuntimeException e) {
            return Outcome.refused(Refusal.invalid("platform.table.unreadable"));
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell);
    }

    private static List<Table.Row> csv(String text) {
        List<Table.Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Table.Row(start, fields));
                fields = new ArrayList<>();
                line++;
                start = line;
            } else if (c != '\r') { // the \n that follows a \r ends the record
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Table.Row(start, fields));
        }
        return records;
    }
}
