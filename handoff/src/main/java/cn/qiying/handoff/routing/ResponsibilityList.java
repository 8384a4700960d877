package cn.qiying.handoff.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.text.Texts;

/**
 * The responsibility list in {@code qiying:responsibility} (one JSON array). A rule scores by category (0.5), the
 * share of its keywords found in the description (up to 0.4) and district (0.1); the confidence also falls when a
 * second department scores close to the first. When no rule matches, the appeal falls to the department whose
 * territory is the narrowest that covers its district (属地管理: the district government), with a low confidence.
 */
@Component
public class ResponsibilityList {

    static final String KEY = Keys.of("responsibility");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Below any rule's score: the operator should look, not just confirm. */
    static final double TERRITORIAL_CONFIDENCE = 0.1;

    private final UnifiedJedis redis;
    private final Departments departments;
    private final Texts texts;

    ResponsibilityList(UnifiedJedis redis, Departments departments, Texts texts) {
        this.texts = texts;
        this.redis = redis;
        this.departments = departments;
    }

    public void replace(List<ResponsibilityRule> rules) {
        redis.set(KEY, JSON.writeValueAsString(rules));
    }

    public List<ResponsibilityRule> rules() {
        String json = redis.get(KEY);
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<ResponsibilityRule>>() { });
    }

    public RoutingSuggestion suggest(String category, String description, String district) {
        Map<String, Double> best = new HashMap<>();
        Map<String, String> why = new HashMap<>();
        String text = description == null ? "" : description;
        for (ResponsibilityRule rule : rules()) {
            if (!rule.districts().isEmpty() && district != null && !rule.districts().contains(district)) {
                continue;
            }
            double score = 0;
            List<String> reasons = new ArrayList<>();
            if (rule.category() != null && rule.category().equals(category)) {
                score += 0.5;
                reasons.add(texts.text("routing.reason.category", category));
            }
            if (!rule.keywords().isEmpty()) {
                List<String> hits = rule.keywords().stream().filter(text::contains).toList();
                if (!hits.isEmpty()) {
                    score += 0.4 * Math.min(1.0, hits.size() / Math.min(3.0, rule.keywords().size()));
                    reasons.add(texts.text("routing.reason.keywords", String.join("、", hits)));
                }
            }
            if (score > 0 && !rule.districts().isEmpty()) {
                score += 0.1;
                reasons.add(texts.text("routing.reason.district", district));
            }
            if (score > best.getOrDefault(rule.department(), 0.0)) {
                best.put(rule.department(), score);
                why.put(rule.department(), String.join(texts.text("routing.reason.separator"), reasons));
            }
        }
        if (best.isEmpty()) {
            return territorial(district);
        }
        List<Map.Entry<String, Double>> ranked = best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        double first = ranked.get(0).getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        double confidence = Math.min(1.0, first) * (1 - 0.5 * second / first);
        String department = ranked.get(0).getKey();
        return new RoutingSuggestion(department, Math.round(confidence * 100) / 100.0, why.get(department));
    }

    private RoutingSuggestion territorial(String district) {
        if (district == null || district.isBlank()) {
            return RoutingSuggestion.NONE;
        }
        List<Department> covering = departments.all().stream().filter(d -> d.districts().contains(district))
                .sorted(Comparator.comparingInt(d -> d.districts().size())).toList();
        if (covering.isEmpty()
                || covering.size() > 1 && covering.get(0).districts().size() == covering.get(1).districts().size()) {
            return RoutingSuggestion.NONE; // no single narrowest territory: nothing to suggest
        }
        return new RoutingSuggestion(covering.get(0).id(), TERRITORIAL_CONFIDENCE, texts.text("routing.reason.territorial", district));
    }
}
