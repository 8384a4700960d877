package cn.qiying.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A YAML data file of the module (tag scheme, rules, industries), read once at start-up; a missing one fails loudly. */
public final class DataFile {

    private DataFile() {
    }

    public static Map<String, Object> read(ResourceLoader loader, String location) {
        Resource resource = loader.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return data == null ? Map.of() : data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + location, e);
        }
    }

    /** The list of maps under {@code key} (empty when absent). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The strings under {@code key} of one map (empty when absent); numbers and booleans as text. */
    public static List<String> strings(Map<String, Object> item, String key) {
        Object value = item.get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
