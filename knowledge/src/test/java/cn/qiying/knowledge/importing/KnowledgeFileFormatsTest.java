package cn.qiying.knowledge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.knowledge.Http;
import cn.qiying.knowledge.KnowledgeTest;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.knowledge.entry.KnowledgeEntryRepository;
import tools.jackson.databind.JsonNode;

/** Knowledge files as administrators keep them: GB18030 or UTF-8 CSV with Chinese headers, the template, the export. */
@KnowledgeTest
class KnowledgeFileFormatsTest {

    static final String CHINESE_HEADERS = "问题,相似问题,答案,分类,部门,标签,来源,生效日期,失效日期";

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeEntryRepository repository;
    Http http;

    @BeforeEach
    void emptyBase() {
        http = new Http(port);
        repository.deleteAll();
    }

    @Test
    void importsAGb18030CsvWithChineseHeadersAndNoIdColumn() {
        String csv = CHINESE_HEADERS + "\r\n"
                + "如何办理营业执照？,开公司要什么证|营业执照怎么申请,到政务服务中心办理。,市场准入,市场监管局,新办企业,,2026-01-01,\r\n"
                + "怎样申请发明专利？,,向国家知识产权局提交申请。,知识产权,知识产权局,,https://example.gov.cn/p,,2030-12-31\r\n";
        byte[] gb = csv.getBytes(Charset.forName("GB18030"));

        JsonNode report = http.post("/api/knowledge/import", "text/csv", gb).json();

        assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(2);
        List<KnowledgeEntry> stored = all();
        KnowledgeEntry licence = stored.stream().filter(e -> e.getQuestion().equals("如何办理营业执照？")).findFirst()
                .orElseThrow();
        assertThat(licence.getSimilarQuestions()).containsExactly("开公司要什么证", "营业执照怎么申请");
        assertThat(licence.getDepartment()).isEqualTo("市场监管局");
        assertThat(licence.getValidFrom()).hasToString("2026-01-01");

        // the ids come from the questions: the same file again replaces, it does not double
        http.post("/api/knowledge/import", "text/csv", gb);
        assertThat(all()).hasSize(2).extracting(KnowledgeEntry::getId).contains(licence.getId());
    }

    @Test
    void importsUtf8WithOrWithoutABom() {
        String csv = "编号," + CHINESE_HEADERS + "\n" + "kb-utf,如何开具电子发票？,,在电子税务局开具。,税务,税务局,,,,\n";
        for (String file : List.of(csv, "\uFEFF" + csv)) {
            repository.deleteAll();
            JsonNode report = http.post("/api/knowledge/import", "text/csv", file.getBytes(StandardCharsets.UTF_8)).json();
            assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(1);
            assertThat(repository.findById("kb-utf").orElseThrow().getQuestion()).isEqualTo("如何开具电子发票？");
        }
    }

    @Test
    void theTemplatesCarryTheChineseHeaders() throws IOException {
        HttpResponse<byte[]> csv = get("/api/knowledge/template.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF编号," + CHINESE_HEADERS + "\r\n");

        HttpResponse<byte[]> xlsx = get("/api/knowledge/template.xlsx");
        assertThat(cells(xlsx.body()).get(0)).containsExactly(("编号," + CHINESE_HEADERS).split(","));
        assertThat(get("/api/knowledge/template.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void theExportImportsBackUnchanged() throws IOException {
        http.post("/api/knowledge/import", "application/x-ndjson", """
                {"id": "kb-x1", "question": "如何办理营业执照？", "similarQuestions": ["开公司要什么证", "执照, 怎么办"], "answer": "到政务服务中心办理，\\"一窗\\"受理。\\n材料齐全当场办结。", "category": "市场准入", "department": "市场监管局", "tags": ["新办企业", "登记"], "sourceUrl": "https://example.gov.cn/a", "validFrom": "2026-01-01", "validTo": "2027-12-31"}
                {"id": "kb-x2", "question": "怎样申请发明专利？", "answer": "向国家知识产权局提交申请。"}
                """);
        List<String> before = all().stream().map(KnowledgeFileFormatsTest::describe).toList();

        byte[] csv = get("/api/knowledge/export.csv").body();
        byte[] xlsx = get("/api/knowledge/export.xlsx").body();
        assertThat(cells(xlsx)).hasSize(3);

        for (byte[] file : List.of(csv, xlsx)) {
            repository.deleteAll();
            JsonNode report = http.post("/api/knowledge/import", file == csv ? "text/csv"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file).json();
            assertThat(report.get("imported").asInt()).as(report.toString()).isEqualTo(2);
            assertThat(all().stream().map(KnowledgeFileFormatsTest::describe).toList()).isEqualTo(before);
        }
    }

    private List<KnowledgeEntry> all() {
        List<KnowledgeEntry> entries = new ArrayList<>();
        repository.findAll().forEach(entries::add);
        entries.sort(java.util.Comparator.comparing(KnowledgeEntry::getId));
        return entries;
    }

    private static String describe(KnowledgeEntry e) {
        return String.join("\u0001", e.getId(), e.getQuestion(), String.valueOf(e.getSimilarQuestions()), e.getAnswer(),
                String.valueOf(e.getCategory()), String.valueOf(e.getDepartment()), String.valueOf(e.getTags()),
                String.valueOf(e.getSourceUrl()), String.valueOf(e.getValidFrom()), String.valueOf(e.getValidTo()));
    }

    private static List<List<String>> cells(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : w.getSheetAt(0)) {
                List<String> row = new ArrayList<>();
                r.forEach(c -> row.add(c.getStringCellValue()));
                rows.add(row);
            }
        }
        return rows;
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
