package cn.qiying.knowledge.curation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.qiying.knowledge.Asked;
import cn.qiying.knowledge.Decision;
import cn.qiying.knowledge.embedding.EmbeddingConfiguration;
import cn.qiying.knowledge.embedding.TextEmbedder;
import cn.qiying.knowledge.embedding.VectorCodec;
import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.KnowledgeEntries;
import cn.qiying.knowledge.entry.KnowledgeEntry;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.search.QuerySyntax;
import cn.qiying.platform.time.ClockConfiguration;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Questions that got no answer, or an answer rated not useful, kept for the centre: grouped by the similarity of their
 * bge vectors, ranked by how often they were asked, and turned into a new entry or new similar questions of an entry
 * (which re-embeds it and re-runs the calibration). Also the answers per ISO week. Keys: {@code
 * qiying:knowledge:curation:{text,count,unanswered,not-useful,vector}} (hashes by the question's words) and
 * {@code qiying:knowledge:weekly:<yyyy-Www>} (hash of counters, kept {@value #KEEP_WEEKS} weeks).
 */
@Service
@EnableConfigurationProperties(CurationProperties.class)
public class CurationQueue {

    static final String TEXT = Keys.of("knowledge", "curation", "text");
    static final String COUNT = Keys.of("knowledge", "curation", "count");
    static final String UNANSWERED = Keys.of("knowledge", "curation", "unanswered");
    static final String NOT_USEFUL = Keys.of("knowledge", "curation", "not-useful");
    static final String VECTOR = Keys.of("knowledge", "curation", "vector");
    static final int KEEP_WEEKS = 60;
    private static final int LONGEST_QUESTION = 200;
    private static final int MOST_SIMILAR = 10;

    /** One question as users asked it ({@code key}: its words, as the queue files it), how often, and how often it went unanswered or was rated not useful. */
    public record Question(String key, String text, long count, long unanswered, long notUseful) {
    }

    /** Questions that mean the same, most asked first; {@code id} names the group for the actions. */
    public record Group(String id, long count, List<Question> questions) {
    }

    /** The answers of one ISO week: {@code instantRate} is the share of questions answered at once. */
    public record Week(String week, long asked, long answered, long suggested, long unanswered, long useful,
            long notUseful, double instantRate) {
    }

    private final UnifiedJedis jedis;
    private final TextEmbedder embedder;
    private final KnowledgeEntries entries;
    private final CurationProperties properties;
    private final Clock clock;

    CurationQueue(UnifiedJedis jedis, TextEmbedder embedder, KnowledgeEntries entries, CurationProperties properties,
            Clock clock) {
        this.jedis = jedis;
        this.embedder = embedder;
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void asked(Asked asked) {
        String week = Keys.of("knowledge", "weekly", week(LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI))));
        String text = QuerySyntax.words(asked.question());
        if (text.length() > LONGEST_QUESTION) {
            text = text.substring(0, LONGEST_QUESTION);
        }
        boolean unanswered = asked.useful() == null && asked.decision() == Decision.NONE;
        boolean notUseful = Boolean.FALSE.equals(asked.useful());
        boolean keep = !text.isEmpty() && (unanswered || notUseful)
                && (jedis.hexists(TEXT, text) || jedis.hlen(TEXT) < properties.maxQuestions());
        String vector = keep && !jedis.hexists(VECTOR, text) ? VectorCodec.encodeAll(List.of(embedder.query(text))) : null;
        try (AbstractPipeline p = jedis.pipelined()) {
            if (asked.useful() == null) {
                p.hincrBy(week, "asked", 1);
                p.hincrBy(week, switch (asked.decision()) {
                    case ANSWER -> "answered";
                    case SUGGEST -> "suggested";
                    case NONE -> "unanswered";
                }, 1);
            } else {
                p.hincrBy(week, asked.useful() ? "useful" : "not-useful", 1);
            }
            p.expire(week, KEEP_WEEKS * 7L * 24 * 3600);
            if (keep) {
                p.hset(TEXT, text, asked.question().strip().length() > LONGEST_QUESTION
                        ? asked.question().strip().substring(0, LONGEST_QUESTION) : asked.question().strip());
                p.hincrBy(COUNT, text, 1);
                p.hincrBy(unanswered ? UNANSWERED : NOT_USEFUL, text, 1);
                if (vector != null) {
                    p.hset(VECTOR, text, vector);
                }
            }
            p.sync();
        }
    }

    /** The collected questions in groups of the same meaning, the most asked group first. */
    public List<Group> groups() {
        Map<String, String> texts = jedis.hgetAll(TEXT);
        Map<String, String> counts = jedis.hgetAll(COUNT);
        Map<String, String> unanswered = jedis.hgetAll(UNANSWERED);
        Map<String, String> notUseful = jedis.hgetAll(NOT_USEFUL);
        Map<String, String> vectors = jedis.hgetAll(VECTOR);
        List<String> keys = new ArrayList<>(texts.keySet());
        keys.sort(Comparator.comparingLong((String k) -> -number(counts.get(k))).thenComparing(k -> k));
        List<String> seeds = new ArrayList<>();
        List<float[]> seedVectors = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String k : keys) {
            float[] v = vector(vectors.get(k));
            int joined = -1;
            double best = properties.similarity();
            for (int i = 0; i < seeds.size() && v != null; i++) {
                double cos = seedVectors.get(i) == null ? 0 : TextEmbedder.cosine(v, seedVectors.get(i));
                if (cos >= best) {
                    best = cos;
                    joined = i;
                }
            }
            if (joined < 0) {
                seeds.add(k);
                seedVectors.add(v);
                members.put(k, new ArrayList<>(List.of(k)));
            } else {
                members.get(seeds.get(joined)).add(k);
            }
        }
        List<Group> groups = new ArrayList<>();
        members.forEach((seed, ks) -> {
            List<Question> qs = ks.stream().map(k -> new Question(k, texts.get(k), number(counts.get(k)),
                    number(unanswered.get(k)), number(notUseful.get(k)))).toList();
            groups.add(new Group(id(seed), qs.stream().mapToLong(Question::count).sum(), qs));
        });
        groups.sort(Comparator.comparingLong((Group g) -> -g.count()).thenComparing(Group::id));
        return groups;
    }

    public Optional<Group> group(String id) {
        return groups().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /**
     * A new entry from a group: its most asked question (unless staff wrote another) with the others as similar
     * questions, and staff's answer. The group leaves the queue.
     */
    public KnowledgeEntry toEntry(Group group, EntryDraft written, String staff) {
        List<String> texts = group.questions().stream().map(Question::text).toList();
        String question = written.question() != null ? written.question() : texts.get(0);
        List<String> similar = new ArrayList<>(written.similarQuestions());
        texts.stream().filter(t -> !t.equals(question) && !similar.contains(t)).limit(MOST_SIMILAR).forEach(similar::add);
        EntryDraft draft = new EntryDraft(written.id(), question, similar, written.answer(), written.category(),
                written.department(), written.tags(), written.sourceUrl(), written.validFrom(), written.validTo());
        KnowledgeEntry saved = entries.save(draft, staff);
        remove(group);
        return saved;
    }

    /** The group's questions become similar questions of the entry (re-embedded); the group leaves the queue. */
    public KnowledgeEntry toSimilarQuestions(Group group, KnowledgeEntry entry, String staff) {
        EntryDraft d = cn.qiying.knowledge.entry.EntryEmbedding.draftOf(entry);
        List<String> similar = new ArrayList<>(d.similarQuestions());
        group.questions().stream().map(Question::text)
                .filter(t -> !t.equals(d.question()) && !similar.contains(t)).forEach(similar::add);
        KnowledgeEntry saved = entries.save(new EntryDraft(d.id(), d.question(), similar, d.answer(), d.category(),
                d.department(), d.tags(), d.sourceUrl(), d.validFrom(), d.validTo()), staff);
        remove(group);
        return saved;
    }

    public void dismiss(Group group) {
        remove(group);
    }

    /** The last weeks' answers, the current week first. */
    public List<Week> weeks() {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.SHANGHAI));
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < properties.weeks(); i++) {
            String name = week(today.minusWeeks(i));
            Map<String, String> h = jedis.hgetAll(Keys.of("knowledge", "weekly", name));
            long asked = number(h.get("asked"));
            long answered = number(h.get("answered"));
            weeks.add(new Week(name, asked, answered, number(h.get("suggested")), number(h.get("unanswered")),
                    number(h.get("useful")), number(h.get("not-useful")), asked == 0 ? 0 : (double) answered / asked));
        }
        return weeks;
    }

    private void remove(Group group) {
        String[] keys = group.questions().stream().map(Question::key).toArray(String[]::new);
        try (AbstractPipeline p = jedis.pipelined()) {
            for (String key : List.of(TEXT, COUNT, UNANSWERED, NOT_USEFUL, VECTOR)) {
                p.hdel(key, keys);
            }
            p.sync();
        }
    }

    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String id(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().substring(0, 8);
    }

    private static float[] vector(String encoded) {
        List<float[]> v = VectorCodec.decodeAll(encoded, EmbeddingConfiguration.DIMENSIONS);
        return v.isEmpty() ? null : v.get(0);
    }

    private static long number(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
