package cn.qiying.handoff.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * A city's time limits (DOMAIN.md): contact, staged reply and resolve, each null where the city sets none. The resolve
 * limit may depend on complexity; {@code extended} is the longer limit of complex multi-department matters (Jinan: 30).
 */
public record SlaPreset(String name, Limit contact, Limit reply, Limit resolveDefault, Map<Complexity, Limit> resolveByComplexity,
                        Limit extended) {

    /** One step's limit as the console lists it: {@code step} is contact, reply, resolve or extended. */
    public record StepLimit(String step, Complexity complexity, Limit limit) {
    }

    /** Every limit of the preset, in the order a ticket meets them; a step without a limit has a null limit. */
    public List<StepLimit> steps() {
        List<StepLimit> out = new ArrayList<>();
        out.add(new StepLimit("contact", null, contact));
        out.add(new StepLimit("reply", null, reply));
        out.add(new StepLimit("resolve", null, resolveDefault));
        for (Complexity c : Complexity.values()) {
            if (resolveByComplexity.containsKey(c)) {
                out.add(new StepLimit("resolve", c, resolveByComplexity.get(c)));
            }
        }
        if (extended != null) {
            out.add(new StepLimit("extended", null, extended));
        }
        return out;
    }

    public Limit resolve(Complexity complexity) {
        Limit limit = complexity == null ? null : resolveByComplexity.get(complexity);
        return limit != null ? limit : resolveDefault;
    }

    /** Loads {@code sla/<name>.yml} from the classpath. */
    public static SlaPreset named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        ClassPathResource resource = new ClassPathResource("sla/" + key + ".yml");
        if (!resource.exists()) {
            throw new IllegalArgumentException("unknown SLA preset '" + name + "': use jinan, kaihua or zhongshan");
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> data = new Yaml().load(in);
            Map<Complexity, Limit> byComplexity = new EnumMap<>(Complexity.class);
            Limit resolveDefault = null;
            if (data.get("resolve") instanceof Map<?, ?> resolve) {
                for (var entry : resolve.entrySet()) {
                    String k = String.valueOf(entry.getKey());
                    Limit limit = Limit.parse(String.valueOf(entry.getValue()));
                    if (k.equals("default")) {
                        resolveDefault = limit;
                    } else {
                        byComplexity.put(Complexity.parse(k), limit);
                    }
                }
            }
            return new SlaPreset(key, limit(data.get("contact")), limit(data.get("reply")), resolveDefault, byComplexity,
                    limit(data.get("extended")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Limit limit(Object text) {
        return text == null ? null : Limit.parse(String.valueOf(text));
    }
}
