package cn.qiying.policy.tag;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.qiying.policy.DataFile;
import cn.qiying.policy.PolicyProperties;

/**
 * The configurable tag scheme ({@code qiying.policy.tags.scheme}, default {@code policy/tag-scheme.yml}): groups of
 * tags, each known by its name. Profiles and policy conditions may only name tags of the scheme.
 */
@Component
public class TagScheme {

    private final Map<String, List<String>> groups;
    private final Set<String> tags;

    TagScheme(ResourceLoader loader, PolicyProperties properties) {
        Map<String, List<String>> read = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (Map<String, Object> group : DataFile.list(DataFile.read(loader, properties.tags().scheme()), "groups")) {
            List<String> names = DataFile.strings(group, "tags").stream().map(String::strip).toList();
            for (String name : names) {
                if (name.isEmpty() || name.contains(",") || !all.add(name)) {
                    throw new IllegalStateException("tag scheme: empty, repeated or comma-holding tag '" + name + "'");
                }
            }
            read.put(String.valueOf(group.get("name")), names);
        }
        this.groups = java.util.Collections.unmodifiableMap(read);
        this.tags = java.util.Collections.unmodifiableSet(all);
    }

    public boolean contains(String tag) {
        return tags.contains(tag);
    }

    /** The given tags that are not in the scheme, in their order. */
    public List<String> unknown(Collection<String> given) {
        return given.stream().filter(t -> !tags.contains(t)).distinct().toList();
    }

    public Map<String, List<String>> groups() {
        return groups;
    }

    public Set<String> tags() {
        return tags;
    }
}
