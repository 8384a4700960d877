package cn.qiying.channels.card;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.platform.redis.Keys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Files the appeal of a card's landing page. Each rendered form carries a one-time submission id: a second POST of
 * the same form (double tap, reload) finds the ticket of the first instead of filing another
 * ({@code qiying:card:submission:<id>} → ticket number, a day).
 */
@Component
public class SubmitCardAppeal {

    private static final Duration REMEMBER = Duration.ofDays(1);
    private static final String PENDING = "pending";

    private final ObjectProvider<AppealDesk> desk;
    private final UnifiedJedis redis;

    public SubmitCardAppeal(ObjectProvider<AppealDesk> desk, UnifiedJedis redis) {
        this.desk = desk;
        this.redis = redis;
    }

    /** The outcome: the ticket, or that the same submission is still being filed. */
    public record Outcome(TicketView ticket, boolean stillFiling) {
    }

    public boolean available() {
        return desk.getIfAvailable() != null;
    }

    /**
     * @param channel "mp" with the user's openid when the page learnt it through WeChat OAuth, else "web"
     */
    public Outcome submit(ServiceCard card, CardAppealForm form, String channel, String appId, String openId) {
        AppealDesk appeals = desk.getObject();
        String key = Keys.of("card", "submission", form.submission());
        if (!"OK".equals(redis.set(key, PENDING, SetParams.setParams().nx().ex(REMEMBER.toSeconds())))) {
            String no = redis.get(key);
            Optional<TicketView> earlier = no == null || PENDING.equals(no) ? Optional.empty() : appeals.find(no);
            return earlier.map(t -> new Outcome(t, false)).orElseGet(() -> new Outcome(null, true));
        }
        try {
            TicketView ticket = appeals.submit(new NewAppeal(channel, appId, openId, form.kind(), form.enterpriseName(),
                    form.uscc(), form.contact(), form.phone(), card.getDistrict(), null, form.description(), List.of(),
                    card.getCode(), card.getDepartment()));
            redis.set(key, ticket.no(), SetParams.setParams().ex(REMEMBER.toSeconds()));
            return new Outcome(ticket, false);
        } catch (RuntimeException e) {
            redis.del(key);
            throw e;
        }
    }
}
