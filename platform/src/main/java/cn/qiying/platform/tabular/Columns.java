package cn.qiying.platform.tabular;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column holds which field: each field known by its own name and the headers people write for it (Chinese
 * headers from a module's data or bundle), matched without regard to case, spaces or a BOM.
 */
public final class Columns {

    private final Map<String, String> byHeader = new HashMap<>();

    private Columns(Map<String, List<String>> headersByField) {
        headersByField.forEach((field, headers) -> {
            byHeader.put(normal(field), field);
            headers.forEach(h -> byHeader.put(normal(h), field));
        });
    }

    /** @param headersByField each field and the headers that may name it */
    public static Columns of(Map<String, List<String>> headersByField) {
        return new Columns(headersByField);
    }

    /** The field a header names, or null for a column nobody asked for. */
    public String field(String header) {
        return byHeader.get(normal(header));
    }

    /** Each row as field → value (columns nobody asked for left out). */
    public List<Map<String, String>> values(Table table) {
        List<String> fields = table.headers().stream().map(this::field).toList();
        return table.rows().stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    values.put(fields.get(i), row.cell(i));
                }
            }
            return values;
        }).toList();
    }

    private static String normal(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
