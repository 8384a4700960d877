package cn.qiying.knowledge.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;

/**
 * The whole base, or an empty template, in the import's own format with the Chinese headers (CSV in UTF-8 with a BOM,
 * which Excel opens as such, or xlsx): what is exported imports back unchanged.
 */
@Service
public class KnowledgeExport {

    private static final int PAGE = 500;

    private final KnowledgeEntryRepository repository;

    public KnowledgeExport(KnowledgeEntryRepository repository) {
        this.repository = repository;
    }

    public byte[] csv(boolean template) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, Headers.chinese());
        if (!template) {
            rows().forEach(r -> line(out, r));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(boolean template) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("knowledge");
            write(sheet.createRow(0), Headers.chinese());
            if (!template) {
                int n = 1;
                for (List<String> r : rows()) {
                    write(sheet.createRow(n++), r);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<KnowledgeEntry> found = repository.findAll(PageRequest.of(page, PAGE, Sort.by("id")));
            for (KnowledgeEntry e : found.getContent()) {
                if (KnowledgeEntry.LIVE.equals(e.getState())) {
                    rows.add(List.of(e.getId(), text(e.getQuestion()), String.join("|", e.getSimilarQuestions()),
                            text(e.getAnswer()), text(e.getCategory()), text(e.getDepartment()),
                            String.join("|", e.getTags()), text(e.getSourceUrl()), date(e.getValidFrom()),
                            date(e.getValidTo())));
                }
            }
            if (!found.hasNext()) {
                return rows;
            }
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
