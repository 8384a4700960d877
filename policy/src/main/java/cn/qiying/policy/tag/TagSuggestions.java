package cn.qiying.policy.tag;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.qiying.policy.DataFile;
import cn.qiying.policy.PolicyProperties;

/**
 * Tags an enterprise's appeals suggest, by the patterns of {@code qiying.policy.tags.suggestions} (default
 * {@code policy/tag-suggestions.yml}); staff confirm or dismiss each suggestion.
 */
@Component
public class TagSuggestions {

    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

    TagSuggestions(ResourceLoader loader, PolicyProperties properties, TagScheme scheme) {
        for (Map<String, Object> item : DataFile.list(DataFile.read(loader, properties.tags().suggestions()), "suggestions")) {
            String tag = String.valueOf(item.get("tag")).strip();
            if (!scheme.contains(tag)) {
                throw new IllegalStateException("tag suggestions name a tag outside the scheme: " + tag);
            }
            patterns.put(tag, DataFile.strings(item, "patterns").stream().map(Pattern::compile).toList());
        }
    }

    /** Each tag the text suggests, with the words that suggested it, leaving out those the profile has. */
    public Map<String, String> suggest(String text, Collection<String> has) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        patterns.forEach((tag, list) -> {
            if (has.contains(tag)) {
                return;
            }
            for (Pattern p : list) {
                var m = p.matcher(text);
                if (m.find()) {
                    found.put(tag, m.group());
                    return;
                }
            }
        });
        return found;
    }
}
