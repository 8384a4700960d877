package cn.qiying.policy.enterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.qiying.platform.redis.Keys;
import cn.qiying.policy.Json;
import cn.qiying.policy.tag.TagSuggestions;
import redis.clients.jedis.UnifiedJedis;

/**
 * Tags an enterprise's own appeals suggest, waiting for staff: {@code qiying:enterprise-suggested:<uscc>} (hash: tag →
 * the words and ticket that suggested it). Confirmed ones join the profile's confirmed tags; dismissed ones are kept in
 * {@code qiying:enterprise-dismissed:<uscc>} (set) so the same appeal words do not suggest them again. Both hold at
 * most the scheme's tags.
 */
@Service
public class SuggestedTags {

    private final UnifiedJedis redis;
    private final TagSuggestions suggestions;
    private final EnterpriseProfiles profiles;

    SuggestedTags(UnifiedJedis redis, TagSuggestions suggestions, EnterpriseProfiles profiles) {
        this.redis = redis;
        this.suggestions = suggestions;
        this.profiles = profiles;
    }

    public record Suggestion(String tag, String words, String ticket, Instant at) {
    }

    /** Records what an appeal's text suggests for the profile; returns the new suggestions. */
    public List<Suggestion> noteAppeal(Enterprise enterprise, String ticketNo, String description, Instant at) {
        List<String> dismissed = List.copyOf(redis.smembers(dismissedKey(enterprise.uscc())));
        List<String> has = new ArrayList<>(enterprise.tags());
        has.addAll(dismissed);
        List<Suggestion> added = new ArrayList<>();
        for (Map.Entry<String, String> s : suggestions.suggest(description, has).entrySet()) {
            Suggestion suggestion = new Suggestion(s.getKey(), s.getValue(), ticketNo, at);
            if (redis.hsetnx(key(enterprise.uscc()), s.getKey(), Json.MAPPER.writeValueAsString(suggestion)) == 1) {
                added.add(suggestion);
            }
        }
        return added;
    }

    public List<Suggestion> pending(String uscc) {
        return redis.hgetAll(key(uscc)).values().stream().map(v -> Json.MAPPER.readValue(v, Suggestion.class))
                .sorted(java.util.Comparator.comparing(Suggestion::tag)).toList();
    }

    /** Staff's answer to one suggestion: the profile as it now is, or empty when there was no such suggestion. */
    public Optional<Enterprise> decide(String uscc, String tag, boolean accept) {
        if (redis.hdel(key(uscc), tag) == 0) {
            return Optional.empty();
        }
        Optional<Enterprise> profile = profiles.find(uscc);
        if (!accept) {
            redis.sadd(dismissedKey(uscc), tag);
            return profile;
        }
        return profile.map(e -> profiles.save(e.withConfirmedTag(tag)));
    }

    private static String key(String uscc) {
        return Keys.of("enterprise-suggested", uscc);
    }

    private static String dismissedKey(String uscc) {
        return Keys.of("enterprise-dismissed", uscc);
    }
}
