package cn.qiying.channels.card;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

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

    /** What became of the submission: the ticket, that the same submission is still being filed, or why it was refused. */
    public record Filed(TicketView ticket, boolean stillFiling, Refusal refusal) {
    }

    public boolean available() {
        return desk.getIfAvailable() != null;
    }

    /**
     * @param channel "mp" with the user's openid when the page learnt it through WeChat OAuth, else "web"
     */
    public Filed submit(ServiceCard card, CardAppealForm form, String channel, String appId, String openId) {
        AppealDesk appeals = desk.getObject();
        String key = Keys.of("card", "submission", form.submission());
        if (!"OK".equals(redis.set(key, PENDING, SetParams.setParams().nx().ex(REMEMBER.toSeconds())))) {
            String no = redis.get(key);
            Optional<TicketView> earlier = no == null || PENDING.equals(no) ? Optional.empty() : appeals.find(no);
            return earlier.map(t -> new Filed(t, false, null)).orElseGet(() -> new Filed(null, true, null));
        }
        try {
            Outcome<TicketView> filed = appeals.submit(new NewAppeal(channel, appId, openId, form.kind(), form.enterpriseName(),
                    form.uscc(), form.contact(), form.phone(), card.getDistrict(), null, form.description(), List.of(),
                    card.getCode(), card.getDepartment()));
            if (!filed.isDone()) {
                redis.del(key);
                return new Filed(null, false, filed.refusal());
            }
            TicketView ticket = filed.orElseThrow(r -> new IllegalStateException(r.messageKey()));
            redis.set(key, ticket.no(), SetParams.setParams().ex(REMEMBER.toSeconds()));
            return new Filed(ticket, false, null);
        } catch (RuntimeException e) {
            redis.del(key);
            throw e;
        }
    }
}
