package cn.qiying.handoff.supervision;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.langchain4j.model.embedding.EmbeddingModel;
import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.ticket.MarkRepeated;
import cn.qiying.handoff.ticket.StatusLabels;
import cn.qiying.handoff.ticket.SupervisionEntry;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketEvent;
import cn.qiying.handoff.ticket.TicketEventHandler.Handled;
import cn.qiying.handoff.ticket.TicketEventHandler;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.redis.Keys;

/**
 * Two must-supervise triggers on each new ticket: the same enterprise and category twice in 30 days (repeated), and
 * three or more similar descriptions in 7 days (clustered; only when an {@link EmbeddingModel} bean exists).
 * Recent vectors live in {@code qiying:ticket-vectors} (no → 512 little-endian float32s, 2 KB) and
 * {@code qiying:ticket-recent} (no by receipt); a new ticket reads the week's vectors in one HMGET.
 */
@Component
class RepeatedAppeals implements TicketEventHandler {

    static final String VECTORS = Keys.of("ticket-vectors");
    static final String RECENT = Keys.of("ticket-recent");
    private static final byte[] VECTORS_BYTES = VECTORS.getBytes(StandardCharsets.UTF_8);

    private final Tickets tickets;
    private final StatusLabels texts;
    private final ObjectProvider<EmbeddingModel> embeddings;
    private final UnifiedJedis redis;
    /**
     * Cosine of two descriptions' bge vectors at or above which they count as similar. Measured: paraphrases of one
     * complaint (停电 without notice, three wordings) 0.80-0.89; different matters in the same park 0.39-0.62.
     */
    private final double similarity;

    RepeatedAppeals(Tickets tickets, StatusLabels texts, ObjectProvider<EmbeddingModel> embeddings, UnifiedJedis redis,
                    @Value("${qiying.supervision.similarity:0.75}") double similarity) {
        this.tickets = tickets;
        this.texts = texts;
        this.embeddings = embeddings;
        this.redis = redis;
        this.similarity = similarity;
    }

    @Override
    public String group() {
        return "supervision";
    }

    @Override
    public Handled handle(TicketEvent event) {
        if (!"receive".equals(event.action())) {
            return Handled.finished();
        }
        Ticket ticket = tickets.find(event.no()).orElse(null);
        if (ticket == null) {
            return Handled.finished();
        }
        sameEnterpriseAndCategory(ticket);
        EmbeddingModel model = embeddings.getIfAvailable();
        if (model != null && ticket.getDescription() != null) {
            similarDescriptions(ticket, model);
        }
        return Handled.finished();
    }

    private void sameEnterpriseAndCategory(Ticket t) {
        if (t.getEnterprise() == null || t.getEnterprise().uscc() == null || t.getCategory() == null || has(t, SupervisionEntry.Reason.REPEATED)) {
            return;
        }
        TicketQuery query = TicketQuery.all().withEnterprise(t.getEnterprise().uscc(), t.getCategory(), t.getReceivedAt().minus(Duration.ofDays(30)))
                .withReceived(t.getReceivedAt().minus(Duration.ofDays(30)), t.getReceivedAt().plusMillis(1)).page(0, 10);
        List<String> others = tickets.search(query).tickets().stream().map(Ticket::getNo).filter(no -> !no.equals(t.getNo())).toList();
        if (!others.isEmpty()) {
            tickets.performAsSystem(t.getNo(), new MarkRepeated(SupervisionEntry.Reason.REPEATED,
                    texts.text("supervision.note.repeated", String.join("、", others))));
        }
    }

    private void similarDescriptions(Ticket t, EmbeddingModel model) {
        float[] mine = model.embed(t.getDescription()).content().vector();
        long at = t.getReceivedAt().toEpochMilli();
        long weekAgo = at - Duration.ofDays(7).toMillis();
        forgetBefore(weekAgo - Duration.ofDays(1).toMillis());
        List<String> recent = redis.zrangeByScore(RECENT, weekAgo, at).stream().filter(no -> !no.equals(t.getNo())).toList();
        List<String> similar = new ArrayList<>();
        if (!recent.isEmpty()) {
            List<byte[]> stored = redis.hmget(VECTORS_BYTES, recent.stream().map(no -> no.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
            for (int i = 0; i < recent.size(); i++) {
                if (stored.get(i) != null && cosine(mine, floats(stored.get(i))) >= similarity) {
                    similar.add(recent.get(i));
                }
            }
        }
        redis.hset(VECTORS_BYTES, t.getNo().getBytes(StandardCharsets.UTF_8), bytes(mine));
        redis.zadd(RECENT, at, t.getNo());
        if (similar.size() >= 2 && !has(t, SupervisionEntry.Reason.CLUSTERED)) {
            tickets.performAsSystem(t.getNo(), new MarkRepeated(SupervisionEntry.Reason.CLUSTERED,
                    texts.text("supervision.note.clustered", String.join("、", similar))));
        }
    }

    /** Vectors leave with their tickets' place in the week, so the hash stays a week's worth. */
    private void forgetBefore(long millis) {
        List<String> old = redis.zrangeByScore(RECENT, 0, millis);
        if (!old.isEmpty()) {
            redis.hdel(VECTORS, old.toArray(String[]::new));
            redis.zrem(RECENT, old.toArray(String[]::new));
        }
    }

    private static boolean has(Ticket t, SupervisionEntry.Reason reason) {
        return t.getSupervision().stream().anyMatch(s -> s.reason() == reason);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer out = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(v);
        return out.array();
    }

    private static float[] floats(byte[] stored) {
        float[] v = new float[stored.length / Float.BYTES];
        ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
