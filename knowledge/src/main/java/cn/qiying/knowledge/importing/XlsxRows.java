package cn.qiying.knowledge.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an Excel workbook: a header row with CONTRACT.md's column names, one entry per row. */
final class XlsxRows {

    private XlsxRows() {
    }

    static List<ParsedRow> parse(byte[] bytes) {
        List<ParsedRow> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                return rows;
            }
            Map<Integer, String> header = new HashMap<>();
            headerRow.forEach(c -> {
                String field = Headers.field(formatter.formatCellValue(c));
                if (field != null) {
                    header.put(c.getColumnIndex(), field);
                }
            });
            if (!header.containsValue("question")) {
                rows.add(new ParsedRow(headerRow.getRowNum() + 1, null, List.of("knowledge.import.header-missing")));
                return rows;
            }
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (Cell cell : row) {
                    String name = header.get(cell.getColumnIndex());
                    if (name != null) {
                        values.put(name, text(cell, formatter));
                    }
                }
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                rows.add(Columns.row(r + 1, values));
            }
        } catch (IOException | RuntimeException e) {
            rows.add(new ParsedRow(0, null, List.of("knowledge.import.xlsx-unreadable")));
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell);
    }
}
