package cn.qiying.knowledge.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The column headers of knowledge files, from {@code knowledge/import-headers.tsv}: CONTRACT.md's field names and the
 * Chinese headers administrators' own files use (listed in that file), and the Chinese header of each field in the
 * template and the export.
 */
final class Headers {

    static final String DATA = "knowledge/import-headers.tsv";
    private static final Headers INSTANCE = new Headers(read());

    private final Map<String, String> fields = new HashMap<>();
    private final List<String> chinese = new ArrayList<>();

    private Headers(List<String> lines) {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String field = cols[0].strip();
            fields.put(field.toLowerCase(Locale.ROOT), field);
            for (int i = 1; i < cols.length; i++) {
                fields.put(cols[i].strip().toLowerCase(Locale.ROOT), field);
            }
            chinese.add(cols.length > 1 ? cols[1].strip() : field);
        }
        if (!Columns.NAMES.equals(lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0].strip()).toList())) {
            throw new IllegalStateException(DATA + " must list the fields " + Columns.NAMES + " in that order");
        }
    }

    /** The field a header names, or null for a column the import does not know. */
    static String field(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return INSTANCE.fields.get(h);
    }

    /** The Chinese headers in {@link Columns#NAMES}' order. */
    static List<String> chinese() {
        return List.copyOf(INSTANCE.chinese);
    }

    private static List<String> read() {
        try (InputStream in = new ClassPathResource(DATA).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(DATA + " unreadable", e);
        }
    }
}
