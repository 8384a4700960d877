package cn.qiying.knowledge.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes; a header row names the columns). */
final class CsvRows {

    private CsvRows() {
    }

    /** The file's text: UTF-8 (with or without a BOM) when it decodes as such, otherwise GB18030 (Excel's Chinese CSV). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    static List<ParsedRow> parse(String text) {
        List<ParsedRow> rows = new ArrayList<>();
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = Columns.fields(records.get(0).fields());
        if (!header.contains("question")) {
            rows.add(new ParsedRow(1, null, List.of("knowledge.import.header-missing")));
            return rows;
        }
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (r.fields().size() > header.size()) {
                rows.add(new ParsedRow(r.line(), null, List.of("knowledge.import.too-many-columns")));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < r.fields().size(); i++) {
                if (header.get(i) != null) {
                    values.put(header.get(i), r.fields().get(i));
                }
            }
            rows.add(Columns.row(r.line(), values));
        }
        return rows;
    }

    private record Record(int line, List<String> fields) {
    }

    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
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
            } else if (c == '\r') {
                // the \n that follows ends the record
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(start, fields));
                fields = new ArrayList<>();
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(start, fields));
        }
        return records;
    }
}
