package cn.qiying.handoff.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.qiying.platform.text.Texts;

/**
 * The dashboard as an Excel workbook: numbers as numbers (rates as percentages a person can sort and sum), headings
 * from the bundle, and text from users always a string cell, never a formula.
 */
@Component
public class StatsWorkbook {

    private final DashboardFigures figures;
    private final TicketStats stats;
    private final Texts texts;

    StatsWorkbook(DashboardFigures figures, TicketStats stats, Texts texts) {
        this.figures = figures;
        this.stats = stats;
        this.texts = texts;
    }

    /** A rate shown as a percentage but kept as the number it is. */
    private record Rate(Double value) {
    }

    public String fileName(StatsPeriod period) {
        return texts.text("stats.workbook.file", period.from(), period.to());
    }

    public byte[] of(StatsPeriod period) {
        TicketStats.Report report = stats.between(period.start(), period.end());
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            var o = report.overall();
            rows(book.createSheet(texts.text("stats.sheet.overall")), percent, List.of(
                    List.of(texts.text("stats.column.period"), texts.text("stats.period", period.from(), period.to())),
                    List.of(texts.text("stats.column.tickets"), o.tickets()), List.of(texts.text("stats.column.resolved"), o.resolved()),
                    List.of(texts.text("stats.column.resolution"), new Rate(o.resolutionRate())),
                    List.of(texts.text("stats.column.satisfaction"), new Rate(o.satisfactionRate())),
                    List.of(texts.text("stats.column.on-time"), new Rate(o.onTimeRate())),
                    List.of(texts.text("stats.column.returns"), o.returns()), List.of(texts.text("stats.column.redos"), o.redos()),
                    List.of(texts.text("stats.column.hours"), o.averageHandlingHours() == null ? "" : o.averageHandlingHours())));
            List<List<Object>> ranked = new ArrayList<>();
            ranked.add(headings("rank", "department", "tickets", "resolved", "resolution", "satisfaction", "on-time", "returns", "redos", "hours"));
            for (DashboardFigures.Ranked r : figures.ranking(report)) {
                ranked.add(List.of(r.rank(), r.department(), r.tickets(), r.resolved(), new Rate(r.resolutionRate()),
                        new Rate(r.satisfactionRate()), new Rate(r.onTimeRate()), r.returns(), r.redos(),
                        r.averageHandlingHours() == null ? "" : r.averageHandlingHours()));
            }
            rows(book.createSheet(texts.text("stats.sheet.ranking")), percent, ranked);
            List<List<Object>> trend = new ArrayList<>();
            trend.add(headings("day", "tickets", "resolution", "satisfaction", "on-time"));
            figures.trend(period).forEach(p -> trend.add(List.of(p.day().toString(), p.tickets(), new Rate(p.resolution()),
                    new Rate(p.satisfaction()), new Rate(p.onTime()))));
            rows(book.createSheet(texts.text("stats.sheet.trend")), percent, trend);
            rows(book.createSheet(texts.text("stats.sheet.categories")), percent, counts("category", DashboardFigures.top(report.byCategory(), 1000)));
            rows(book.createSheet(texts.text("stats.sheet.districts")), percent, counts("district", DashboardFigures.top(report.byDistrict(), 1000)));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Object> headings(String... columns) {
        List<Object> out = new ArrayList<>();
        for (String c : columns) {
            out.add(texts.text("stats.column." + c));
        }
        return out;
    }

    private List<List<Object>> counts(String what, List<DashboardFigures.Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(headings(what, "tickets"));
        counts.forEach(c -> rows.add(List.of(c.name(), c.value())));
        return rows;
    }

    private static void rows(Sheet sheet, CellStyle percent, List<List<Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            List<Object> values = rows.get(i);
            for (int j = 0; j < values.size(); j++) {
                Object v = values.get(j);
                if (v instanceof Number n) {
                    row.createCell(j).setCellValue(n.doubleValue());
                } else if (v instanceof Rate rate) {
                    if (rate.value() != null) {
                        var cell = row.createCell(j);
                        cell.setCellValue(rate.value());
                        cell.setCellStyle(percent);
                    }
                } else {
                    row.createCell(j).setCellValue(String.valueOf(v)); // a string cell: text from users never becomes a formula
                }
            }
        }
        for (int j = 0; j < (rows.isEmpty() ? 0 : rows.get(0).size()); j++) {
            sheet.setColumnWidth(j, 18 * 256);
        }
    }
}
