package cn.qiying.handoff.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.ticket.SupervisionEntry;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketEvent;
import cn.qiying.handoff.ticket.TicketEventHandler;
import cn.qiying.handoff.ticket.TicketEventHandler.Handled;
import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStore;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.platform.redis.Keys;
import dev.langchain4j.model.embedding.EmbeddingModel;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two must-supervise triggers on each new ticket: the same enterprise and category twice in 30 days (repeated), and
 * three or more similar descriptions in 7 days (clustered; only when an {@link EmbeddingModel} bean exists).
 * Recent vectors live in {@code qiying:ticket-vectors} (no → floats) and {@code qiying:ticket-recent} (no by receipt).
 */
@Component
class RepeatedAppeals implements TicketEventHandler {

    static final String VECTORS = Keys.of("ticket-vectors");
    static final String RECENT = Keys.of("ticket-recent");

    private final TicketStore tickets;
    private final TicketTransitions transitions;
    private final ObjectProvider<EmbeddingModel> embeddings;
    private final UnifiedJedis redis;
    private final double similarity;

    RepeatedAppeals(TicketStore tickets, TicketTransitions transitions, ObjectProvider<EmbeddingModel> embeddings, UnifiedJedis redis,
                    @Value("${qiying.supervision.similarity:0.85}") double similarity) {
        this.tickets = tickets;
        this.transitions = transitions;
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
            transitions.performAsSystem(t.getNo(), new TicketAction.MarkRepeated(SupervisionEntry.Reason.REPEATED,
                    "同一企业 30 日内同类诉求：" + String.join("、", others)));
        }
    }

    private void similarDescriptions(Ticket t, EmbeddingModel model) {
        float[] mine = model.embed(t.getDescription()).content().vector();
        long at = t.getReceivedAt().toEpochMilli();
        long weekAgo = at - Duration.ofDays(7).toMillis();
        redis.zremrangeByScore(RECENT, 0, weekAgo - Duration.ofDays(1).toMillis());
        List<String> similar = new ArrayList<>();
        for (String no : redis.zrangeByScore(RECENT, weekAgo, at)) {
            if (no.equals(t.getNo())) {
                continue;
            }
            String stored = redis.hget(VECTORS, no);
            if (stored != null && cosine(mine, parse(stored)) >= similarity) {
                similar.add(no);
            }
        }
        redis.hset(VECTORS, t.getNo(), format(mine));
        redis.zadd(RECENT, at, t.getNo());
        if (similar.size() >= 2 && !has(t, SupervisionEntry.Reason.CLUSTERED)) {
            transitions.performAsSystem(t.getNo(), new TicketAction.MarkRepeated(SupervisionEntry.Reason.CLUSTERED,
                    "7 日内相似诉求：" + String.join("、", similar)));
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

    private static String format(float[] v) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(v[i]);
        }
        return out.toString();
    }

    private static float[] parse(String s) {
        String[] parts = s.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }
}
