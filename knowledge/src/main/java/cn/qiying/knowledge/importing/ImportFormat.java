package cn.qiying.knowledge.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import cn.qiying.platform.tabular.Tables;

/** The file formats staff upload; told by the file name, the content type or, failing both, the first bytes. */
public enum ImportFormat {
    JSON, JSONL, CSV, XLSX;

    public static ImportFormat detect(String filename, String contentType, byte[] bytes) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || type.contains("spreadsheetml")) {
            return XLSX;
        }
        if (name.endsWith(".csv") || type.startsWith("text/csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || type.contains("jsonl") || type.contains("ndjson")) {
            return JSONL;
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            return XLSX;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        if (head.startsWith("[")) {
            return JSON;
        }
        if (head.startsWith("{")) {
            return JSONL;
        }
        return CSV;
    }

    List<ParsedRow> parse(byte[] bytes) {
        return switch (this) {
            case XLSX -> TableRows.parse(bytes, Tables.Format.XLSX);
            case CSV -> TableRows.parse(bytes, Tables.Format.CSV);
            case JSON -> JsonRows.array(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""));
            case JSONL -> JsonRows.lines(new String(bytes, StandardCharsets.UTF_8));
        };
    }
}
