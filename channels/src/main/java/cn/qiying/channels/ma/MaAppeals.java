package cn.qiying.channels.ma;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.handoff.appeal.TicketView;
import cn.qiying.handoff.ticket.Rating;
import cn.qiying.platform.redis.Keys;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/**
 * A mini-program user's own appeals through the appeal desk. Which tickets a user filed is kept here
 * ({@code qiying:ma:appeals:<openId>}, a set of ticket numbers) so one user never reads another's ticket.
 */
@Component
public class MaAppeals {

    private final AppealDesk desk;
    private final UnifiedJedis redis;
    private final String appId;

    public MaAppeals(AppealDesk desk, UnifiedJedis redis, WeChatProperties properties) {
        this.desk = desk;
        this.redis = redis;
        this.appId = properties.ma().appId();
    }

    /** What the mini program sends: a hotline work order's fields without externalId and receivedAt. */
    public record Appeal(String kind, String complexity, String district, String category, Enterprise enterprise,
                         String description, List<String> attachments) {

        public record Enterprise(String name, String uscc, String contact, String phone) {
        }
    }

    public Outcome<TicketView> submit(String openId, Appeal appeal) {
        Appeal.Enterprise e = appeal.enterprise() == null ? new Appeal.Enterprise(null, null, null, null) : appeal.enterprise();
        Outcome<TicketView> filed = desk.submit(new NewAppeal("ma", appId, openId, appeal.kind(), e.name(), e.uscc(), e.contact(),
                e.phone(), appeal.district(), appeal.category(), appeal.description(),
                appeal.attachments() == null ? List.of() : appeal.attachments(), null, null));
        if (filed instanceof Outcome.Done<TicketView> done) {
            redis.sadd(mine(openId), done.value().no());
        }
        return filed;
    }

    public List<TicketView> open(String openId) {
        return desk.openTicketsOf("ma", appId, openId);
    }

    public Optional<TicketView> one(String openId, String no) {
        return owns(openId, no) ? desk.find(no) : Optional.empty();
    }

    public Outcome<TicketView> rate(String openId, String no, Rating rating, String comment) {
        return owns(openId, no) ? desk.rate(no, openId, rating, comment) : Outcome.refused(Refusal.notFound("ticket.refusal.not-found", no));
    }

    private boolean owns(String openId, String no) {
        return redis.sismember(mine(openId), no);
    }

    private static String mine(String openId) {
        return Keys.of("ma", "appeals", openId);
    }
}
